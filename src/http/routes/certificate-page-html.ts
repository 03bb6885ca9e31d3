import qrcode from "qrcode-generator";
import {
  certificateNotFoundText,
  certificatePageText,
  certificateUnavailableText,
  revokedCertificateText,
  validCertificateText,
} from "../../catalog/certificate-page.ts";
import { GROUP_LABELS } from "../../knowledge/group-labels.ts";
import type { Certificate } from "../../learning/certificates.ts";
import { vietnamDate } from "../../shared/vietnam-time.ts";
import { cspHash, escapeHtml } from "../html.ts";

/** What the verification page shows: a certificate as found, or a refusal that reveals nothing. */
export type CertificateView =
  | { kind: "valid"; certificate: Certificate; moduleTitles: string[]; verifyUrl: string }
  | { kind: "revoked"; certificate: Certificate; moduleTitles: string[] }
  | { kind: "withdrawn"; id: string; revokedAt: string }
  | { kind: "not-found" }
  | { kind: "unavailable" };

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef2ee;color:#1b1b1b;font:18px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.sheet{max-width:46rem;margin:0 auto;padding:1rem;background:#fff}
@media (min-width:600px){.sheet{margin:1.5rem auto;padding:2rem 2.5rem;border:4px double #1f6b33;border-radius:6px}}
header{text-align:center;border-bottom:2px solid #1f6b33;padding-bottom:.5rem;margin-bottom:1rem}
.ward{margin:0;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#1f6b33;font-size:.95rem}
h1{margin:.25rem 0 0;font-size:1.35rem;line-height:1.3}
.status{margin:0 0 1rem;padding:.6rem .8rem;border-radius:6px;font-weight:700;font-size:1.2rem;border:2px solid}
.status small{display:block;font-weight:400;font-size:1rem}
.valid{color:#0f5c25;background:#e3f5e7;border-color:#2e8b47}
.revoked,.not-found{color:#9b1c1c;background:#fdeaea;border-color:#c53030}
.unavailable{color:#7a4a00;background:#fff4dc;border-color:#c98a00}
dl{margin:0 0 1rem}
dt{font-size:.85rem;color:#555;margin-top:.6rem}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
dd.name{font-size:1.3rem}
dd ol{margin:.2rem 0 0;padding-left:1.4rem;font-weight:400}
@media (min-width:600px){dl{display:grid;grid-template-columns:11rem 1fr;column-gap:1rem}dt{margin-top:.35rem}dd{margin-top:.3rem}}
.verify{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-top:1px solid #ccc;padding-top:1rem}
.qr{margin:0;flex:0 0 9rem;width:9rem;text-align:center}
.qr svg{display:block;width:100%;height:auto}
.qr figcaption{font-size:.75rem;color:#555}
.verify-text{flex:1 1 12rem;min-width:0;font-size:.85rem}
.verify-text p{margin:0 0 .4rem}
.url{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere;font-size:.8rem}
.note{font-size:.9rem;color:#333;border-left:4px solid #1f6b33;padding:.4rem .7rem;background:#f6faf6;margin:1rem 0}
.actions{margin-top:1rem}
button{font:inherit;font-weight:600;min-height:48px;padding:.5rem 1.2rem;border:0;border-radius:6px;background:#1f6b33;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.hint{font-size:.85rem;color:#555}
@page{margin:12mm}
@media print{
 html{font-size:9pt}
 body{background:#fff;font-size:10pt;line-height:1.35}
 .sheet{max-width:none;margin:0;padding:4mm 6mm;border:3px double #1f6b33;border-radius:0}
 .no-print{display:none!important}
 header{margin-bottom:3mm;padding-bottom:2mm}
 .status{margin-bottom:3mm;padding:1.5mm 3mm;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .note{margin:3mm 0 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 dl{display:grid;grid-template-columns:30mm 1fr;column-gap:3mm;margin-bottom:3mm}
 dt{margin-top:1mm}dd{margin-top:1mm}
 .verify{padding-top:3mm;gap:4mm}
 .qr{flex-basis:28mm;width:28mm}
 .verify,.note,dl{break-inside:avoid}
}
@media print and (min-width:160mm){
 html{font-size:11pt}
 body{font-size:12pt}
 .sheet{padding:8mm 10mm}
 dl{grid-template-columns:40mm 1fr}
 .qr{flex-basis:34mm;width:34mm}
}
`.trim();

/** Reveals the print button and wires it; the only script, allowed by its hash (no 'unsafe-inline'). */
const SCRIPT =
  'const b=document.getElementById("print");if(b){b.hidden=false;b.addEventListener("click",()=>window.print());}';

const sha256 = cspHash;

/** The page's Content-Security-Policy: nothing but its own inline style and print script, by hash. */
export const CERTIFICATE_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(CSS)}`,
  `script-src ${sha256(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** `YYYY-MM-DD` → `dd/mm/yyyy`. */
function vietnameseDate(isoDay: string): string {
  const [y, m, d] = isoDay.split("-");
  return `${d}/${m}/${y}`;
}

/** An inline SVG QR code of `url` (no image request, nothing for the CSP to allow). */
export function qrSvg(url: string): string {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  return qr
    .createSvgTag({ cellSize: 4, margin: 4 * 4, scalable: true }) // a quiet zone of 4 modules
    .replace("<svg ", `<svg role="img" aria-label="${certificatePageText.qrLabel}" `);
}

function fields(certificate: Certificate, moduleTitles: string[]): string {
  const label = certificatePageText.fields;
  const row = (name: string, value: string, cls = "") =>
    `<dt>${name}</dt><dd${cls ? ` class="${cls}"` : ""}>${value}</dd>`;
  return [
    "<dl>",
    row(label.id, escapeHtml(certificate.id)),
    row(label.name, escapeHtml(certificate.name), "name"),
    row(label.group, escapeHtml(GROUP_LABELS[certificate.group] ?? certificate.group)),
    certificate.to ? row(label.to, escapeHtml(certificate.to)) : "",
    row(label.issuedOn, vietnameseDate(certificate.issuedOn)),
    row(label.modules, `<ol>${moduleTitles.map((title) => `<li>${escapeHtml(title)}</li>`).join("")}</ol>`),
    "</dl>",
  ].join("");
}

function page(wardName: string, title: string, body: string, script: boolean): string {
  const ward = wardName ? wardName.charAt(0).toLocaleUpperCase("vi") + wardName.slice(1) : "";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="sheet">
<header>
<p class="ward">${escapeHtml(ward)}</p>
<h1>${certificatePageText.heading}</h1>
</header>
${body}
<p class="note">${certificatePageText.note}</p>
</main>${script ? `\n<script>${SCRIPT}</script>` : ""}
</body>
</html>
`;
}

/** The whole HTML document for one verification outcome; every stored field is escaped. */
export function renderCertificatePage(view: CertificateView, wardName: string): string {
  switch (view.kind) {
    case "valid":
      return validPage(view, wardName);
    case "revoked":
      return revokedPage(view, wardName);
    case "withdrawn":
      return withdrawnPage(view, wardName);
    case "not-found": {
      const T = certificateNotFoundText;
      const body = [
        `<p class="status not-found" role="status">${T.status}</p>`,
        `<p>${T.causes}</p>`,
        `<p>${T.whatToDo}</p>`,
      ];
      return page(wardName, T.title, body.join("\n"), false);
    }
    case "unavailable": {
      const T = certificateUnavailableText;
      const body = [`<p class="status unavailable" role="status">${T.status}</p>`, `<p>${T.message}</p>`];
      return page(wardName, T.title, body.join("\n"), false);
    }
  }
}

function validPage(view: Extract<CertificateView, { kind: "valid" }>, wardName: string): string {
  const T = validCertificateText;
  const c = view.certificate;
  const body = [
    `<p class="status valid" role="status">${T.status}<small>${T.statusDetail}</small></p>`,
    fields(c, view.moduleTitles),
    `<section class="verify" aria-label="${T.verifyLabel}">`,
    `<figure class="qr">${qrSvg(view.verifyUrl)}<figcaption>${T.qrCaption}</figcaption></figure>`,
    `<div class="verify-text">`,
    `<p>${T.howToVerify}</p>`,
    `<p class="url">${escapeHtml(view.verifyUrl)}</p>`,
    `</div>`,
    `</section>`,
    `<div class="actions no-print">`,
    `<button type="button" id="print" hidden>${T.print}</button>`,
    `<p class="hint">${T.printHint}</p>`,
    `</div>`,
  ].join("\n");
  return page(wardName, T.title(c.id, c.name), body, true);
}

function revokedPage(view: Extract<CertificateView, { kind: "revoked" }>, wardName: string): string {
  const T = revokedCertificateText;
  const c = view.certificate;
  const revokedOn = c.revokedAt ? vietnameseDate(vietnamDate(new Date(c.revokedAt))) : "";
  const body = [
    `<p class="status revoked" role="status">${T.status}`,
    `<small>${T.detail(revokedOn)}</small>`,
    `<small>${T.reason(escapeHtml(c.revokeReason || T.noReason))}</small></p>`,
    fields(c, view.moduleTitles),
  ].join("\n");
  return page(wardName, T.title(c.id), body, false);
}

/** A revoked certificate whose learner was erased: only its number and the date remain. */
function withdrawnPage(view: Extract<CertificateView, { kind: "withdrawn" }>, wardName: string): string {
  const T = revokedCertificateText;
  const revokedOn = vietnameseDate(vietnamDate(new Date(view.revokedAt)));
  const body = [
    `<p class="status revoked" role="status">${T.status}`,
    `<small>${T.withdrawnDetail(escapeHtml(view.id), revokedOn)}</small></p>`,
  ].join("\n");
  return page(wardName, T.title(view.id), body, false);
}
