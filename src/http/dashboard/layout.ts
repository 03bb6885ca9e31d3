import type { FastifyReply } from "fastify";
import { dashboardFrame } from "../../catalog/dashboard.ts";
import { cspHash, escapeHtml } from "../html.ts";

export { escapeHtml };

/** Where the dashboard lives; the session cookie is scoped to it. */
export const BASE = "/quan-tri";
export const LOGIN_PATH = `${BASE}/dang-nhap`;

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef2ee;color:#1b1b1b;font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.top{background:#1f6b33;color:#fff;padding:.6rem 1rem}
.top-in{max-width:64rem;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;justify-content:space-between}
.top p{margin:0;font-weight:600;line-height:1.3}
.top small{display:block;font-size:1rem;font-weight:400}
.top form{margin:0}
.top button{background:#fff;color:#1f6b33;min-height:44px;padding:.3rem .9rem}
main{max-width:64rem;margin:0 auto;padding:.75rem}
@media (min-width:600px){main{padding:1.25rem}}
section,.card{background:#fff;border-radius:8px;padding:.9rem;margin:0 0 .9rem;box-shadow:0 1px 2px rgba(0,0,0,.08);min-width:0}
h1{font-size:1.3rem;line-height:1.3;margin:0 0 .4rem}
h2{font-size:1.1rem;line-height:1.3;margin:0 0 .6rem;color:#1f6b33}
p{margin:.3rem 0}
.meta{color:#444}
.meta b{color:#1b1b1b}
a{color:#0b5394}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,.scroll:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
button,.btn{display:inline-flex;align-items:center;justify-content:center;font:inherit;font-weight:600;min-height:44px;padding:.45rem 1.1rem;border:0;border-radius:6px;background:#1f6b33;color:#fff;cursor:pointer;text-decoration:none}
.btn.light{background:#e3f0e6;color:#1f6b33;border:1px solid #9cc5a6}
label{display:block;font-weight:600;margin:.4rem 0 .2rem}
input[type=date],input[type=text],textarea{font:inherit;width:100%;max-width:100%;padding:.45rem .55rem;border:1px solid #8a948c;border-radius:6px;background:#fff;color:inherit;min-height:44px}
input[type=file]{font:inherit;max-width:100%;min-height:44px;padding:.4rem 0}
textarea{min-height:9rem;font-size:1rem}
.range{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;align-items:end}
.range .go{grid-column:1/-1}
@media (min-width:600px){.range{grid-template-columns:1fr 1fr auto}.range .go{grid-column:auto}}
.presets,.downloads{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.6rem}
.error{color:#9b1c1c;background:#fdeaea;border:2px solid #c53030;border-radius:6px;padding:.6rem .8rem;font-weight:600}
.ok{color:#0f5c25;background:#e3f5e7;border:2px solid #2e8b47;border-radius:6px;padding:.6rem .8rem;font-weight:600}
.error ul{margin:.3rem 0 0;padding-left:1.2rem;font-weight:400}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;border:1px solid #d5dbd6;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:1rem}
th,td{padding:.4rem .5rem;border-bottom:1px solid #e2e6e3;text-align:left;vertical-align:top}
thead th{background:#f3f6f4;font-weight:600;font-size:1rem;line-height:1.25}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wide th,.wide td{white-space:nowrap}
.wide thead th{white-space:normal;min-width:5.5rem}
.wide th:first-child,.wide td:first-child{position:sticky;left:0;background:#fff;z-index:1;box-shadow:1px 0 0 #d5dbd6;white-space:normal;min-width:6.5rem;max-width:8.5rem}
.wide thead th:first-child{background:#f3f6f4}
tbody th{font-weight:600}
tr.total th,tr.total td,.wide tr.total th:first-child{font-weight:700;background:#f6faf6}
.small{color:#666;font-style:italic}
.sub{display:block;font-size:1rem;color:#555;font-weight:400;white-space:normal}
.targets{border:1px solid #d5dbd6}
.targets .t-label{min-width:9rem;font-weight:600}
.targets .t-label .sub{margin-top:.15rem}
@media (max-width:599px){
 .targets{border:0}
 .targets thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 .targets tbody{display:block}
 .targets tr{display:grid;grid-template-columns:1fr 1fr 1fr;grid-template-areas:"label label verdict" "value target gap";gap:.35rem .5rem;border:1px solid #d5dbd6;border-radius:6px;padding:.55rem;margin-bottom:.6rem}
 .targets td{display:block;border:0;padding:0;text-align:left}
 .targets td[data-label]::before{content:attr(data-label);display:block;font-size:1rem;color:#555;font-weight:400}
 .targets .t-label{grid-area:label;min-width:0}
 .targets .t-verdict{grid-area:verdict;text-align:right}
 .targets .t-value{grid-area:value;font-weight:700;font-size:1.05rem}
 .targets .t-target{grid-area:target}
 .targets .t-gap{grid-area:gap;white-space:normal}
}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-weight:700;font-size:1rem;white-space:nowrap}
.met{background:#dcf2e1;color:#0f5c25;border:1px solid #2e8b47}
.unmet{background:#fdeaea;color:#9b1c1c;border:1px solid #c53030}
.nodata{background:#eee;color:#444;border:1px solid #999}
figure{margin:0}
.chart svg{display:block;width:100%;height:auto;max-width:30rem}
figcaption{font-size:1rem;color:#444;margin-top:.3rem}
details{margin-top:.5rem}
summary{cursor:pointer;color:#0b5394;min-height:44px;display:flex;align-items:center}
.notes{padding-left:1.2rem;margin:0}
.hint{font-size:1rem;color:#444}
.login{max-width:26rem;margin:1.5rem auto}
.login input[type=text]{font-size:1.3rem;letter-spacing:.12em;text-transform:uppercase;text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace}
.login button{width:100%;margin-top:.8rem}
`.trim();

/** Reads the chosen CSV file into the textarea (the only script; allowed by its hash). */
const SCRIPT =
  'const f=document.getElementById("csv-file"),t=document.getElementById("csv"),w=document.getElementById("csv-file-row");' +
  'if(f&&t&&w){w.hidden=false;f.addEventListener("change",()=>{const x=f.files&&f.files[0];' +
  `if(!x)return;if(x.size>1000000){t.value="";alert(${JSON.stringify(dashboardFrame.fileTooLarge)});return;}` +
  "x.text().then((s)=>{t.value=s;});});}";

const sha256 = cspHash;

/** Every dashboard response's policy: its own stylesheet and upload script by hash, forms to itself only. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `style-src ${sha256(CSS)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface PageOptions {
  title: string;
  body: string;
  wardName: string;
  /** Shows who is signed in and the logout button. */
  signedIn?: { scope: string };
  /** Includes the upload script. */
  script?: boolean;
}

/** The HTML document around a dashboard page. */
export function renderPage(options: PageOptions): string {
  const ward = options.wardName.charAt(0).toLocaleUpperCase("vi") + options.wardName.slice(1);
  const account = options.signedIn
    ? `<form method="post" action="${BASE}/dang-xuat"><button type="submit">${dashboardFrame.logout}</button></form>`
    : "";
  const scope = options.signedIn
    ? `<small>${dashboardFrame.scope}: ${escapeHtml(options.signedIn.scope)}</small>`
    : "";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><div class="top-in">
<p>${dashboardFrame.brand}<small>${escapeHtml(ward)}</small>${scope}</p>
${account}
</div></header>
<main>
${options.body}
</main>${options.script ? `\n<script>${SCRIPT}</script>` : ""}
</body>
</html>
`;
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header("content-type", "text/html; charset=utf-8").send(html);
}

/** A page with one message and a link onward. */
export function messagePage(
  wardName: string,
  title: string,
  message: string,
  link: { href: string; label: string },
): string {
  return renderPage({
    title,
    wardName,
    body: `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a class="btn" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p></section>`,
  });
}
