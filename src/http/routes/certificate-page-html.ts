import qrcode from "qrcode-generator";
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

const NOTE =
  "Đây là ghi nhận học tập của phường. Việc xác nhận chính thức trên toàn quốc thực hiện trên VNeID, " +
  "theo hướng dẫn của phường và nền tảng binhdanhocvuso.gov.vn.";

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
    .replace("<svg ", '<svg role="img" aria-label="Mã QR kiểm tra chứng nhận" ');
}

function fields(certificate: Certificate, moduleTitles: string[]): string {
  const row = (label: string, value: string, cls = "") =>
    `<dt>${label}</dt><dd${cls ? ` class="${cls}"` : ""}>${value}</dd>`;
  return [
    "<dl>",
    row("Số chứng nhận", escapeHtml(certificate.id)),
    row("Họ và tên", escapeHtml(certificate.name), "name"),
    row("Nhóm", escapeHtml(GROUP_LABELS[certificate.group] ?? certificate.group)),
    certificate.to ? row("Tổ dân phố", escapeHtml(certificate.to)) : "",
    row("Ngày cấp", vietnameseDate(certificate.issuedOn)),
    row("Đã hoàn thành", `<ol>${moduleTitles.map((title) => `<li>${escapeHtml(title)}</li>`).join("")}</ol>`),
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
<h1>Chứng nhận học tập — Bình dân học vụ số</h1>
</header>
${body}
<p class="note">${NOTE}</p>
</main>${script ? `\n<script>${SCRIPT}</script>` : ""}
</body>
</html>
`;
}

/** The whole HTML document for one verification outcome; every stored field is escaped. */
export function renderCertificatePage(view: CertificateView, wardName: string): string {
  switch (view.kind) {
    case "valid": {
      const c = view.certificate;
      const body = [
        `<p class="status valid" role="status">✓ Hợp lệ<small>Chứng nhận này có trong sổ ghi nhận học tập của phường.</small></p>`,
        fields(c, view.moduleTitles),
        `<section class="verify" aria-label="Kiểm tra bản gốc">`,
        `<figure class="qr">${qrSvg(view.verifyUrl)}<figcaption>Quét mã để xem bản gốc</figcaption></figure>`,
        `<div class="verify-text">`,
        `<p>Muốn biết bản in có đúng không, hãy quét mã QR hoặc mở địa chỉ dưới đây và so từng dòng với trang hiện ra:</p>`,
        `<p class="url">${escapeHtml(view.verifyUrl)}</p>`,
        `</div>`,
        `</section>`,
        `<div class="actions no-print">`,
        `<button type="button" id="print" hidden>In chứng nhận</button>`,
        `<p class="hint">Dùng chức năng In của trình duyệt (trên điện thoại: menu ⋮ hoặc Chia sẻ → In) để in hoặc lưu thành PDF.</p>`,
        `</div>`,
      ].join("\n");
      return page(wardName, `Chứng nhận ${c.id} — ${c.name}`, body, true);
    }
    case "revoked": {
      const c = view.certificate;
      const revokedOn = c.revokedAt ? vietnameseDate(vietnamDate(new Date(c.revokedAt))) : "";
      const body = [
        `<p class="status revoked" role="status">✗ Đã thu hồi`,
        `<small>Chứng nhận này đã bị phường thu hồi${revokedOn ? ` ngày ${revokedOn}` : ""} và không còn giá trị.</small>`,
        `<small>Lý do: ${escapeHtml(c.revokeReason || "không ghi")}</small></p>`,
        fields(c, view.moduleTitles),
      ].join("\n");
      return page(wardName, `Chứng nhận ${c.id} — đã thu hồi`, body, false);
    }
    case "withdrawn": {
      const revokedOn = vietnameseDate(vietnamDate(new Date(view.revokedAt)));
      const body = [
        `<p class="status revoked" role="status">✗ Đã thu hồi`,
        `<small>Chứng nhận ${escapeHtml(view.id)} đã bị phường thu hồi ngày ${revokedOn} và không còn giá trị.</small></p>`,
      ].join("\n");
      return page(wardName, `Chứng nhận ${view.id} — đã thu hồi`, body, false);
    }
    case "not-found":
      return page(
        wardName,
        "Không tìm thấy chứng nhận hợp lệ",
        [
          `<p class="status not-found" role="status">Không tìm thấy chứng nhận hợp lệ</p>`,
          `<p>Có thể số chứng nhận hoặc mã kiểm tra bị gõ sai, đường dẫn bị cắt mất một phần, hoặc chứng nhận này không do phường cấp (bản in có thể đã bị sửa).</p>`,
          `<p>Hãy kiểm tra lại số chứng nhận (dạng HVS-26-XXXXXX) hoặc quét lại mã QR trên bản in. Nếu vẫn không thấy, xin liên hệ Tổ công nghệ số cộng đồng của phường.</p>`,
        ].join("\n"),
        false,
      );
    case "unavailable":
      return page(
        wardName,
        "Tạm thời chưa kiểm tra được",
        [
          `<p class="status unavailable" role="status">Tạm thời chưa kiểm tra được chứng nhận</p>`,
          `<p>Hệ thống đang bận hoặc đang bảo trì. Bạn vui lòng thử lại sau ít phút.</p>`,
        ].join("\n"),
        false,
      );
  }
}
