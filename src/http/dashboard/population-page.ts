import { dashboardFrame, populationText as T } from "../../catalog/dashboard.ts";
import { BASE, escapeHtml, renderPage } from "./layout.ts";

/** The largest population CSV accepted (also the upload's body limit, with room for form encoding). */
export const MAX_CSV_BYTES = 1_000_000;

/** The population import form: a file picker (shown by the page script) that fills the textarea, and a submit. */
export function populationSection(csv = ""): string {
  return `<section aria-labelledby="population-h">
<h2 id="population-h">${T.formHeading}</h2>
<p class="hint">${T.hint}</p>
<p><a class="btn light" href="${BASE}/dan-so-mau.csv">${T.sampleFile}</a></p>
<form method="post" action="${BASE}/dan-so">
<div id="csv-file-row" hidden><label for="csv-file">${T.chooseFile}</label><input type="file" id="csv-file" accept=".csv,text/csv"></div>
<label for="csv">${T.fileContents}</label>
<textarea id="csv" name="csv" required spellcheck="false" placeholder="to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong">${escapeHtml(csv)}</textarea>
<p><button type="submit">${T.submit}</button></p>
</form>
</section>`;
}

/** After an import: how many tổ were stored, or every line's problem with the text kept for fixing. */
export function renderPopulationResult(
  wardName: string,
  scopeLabel: string,
  result: { imported: number } | { errors: { line: number; message: string }[]; csv: string },
): string {
  const body =
    "imported" in result
      ? `<section><h1>${T.heading}</h1><p class="ok" role="status">${T.imported(result.imported)}</p><p><a class="btn" href="${BASE}">${dashboardFrame.backToDashboard}</a></p></section>`
      : `<section><h1>${T.heading}</h1><div class="error" role="alert">${T.notImported}<ul>${errorItems(result.errors)}</ul></div><p><a class="btn light" href="${BASE}">${dashboardFrame.backToDashboard}</a></p></section>
${populationSection(result.csv)}`;
  return renderPage({
    title: T.pageTitle,
    wardName,
    signedIn: { scope: scopeLabel },
    body,
    script: !("imported" in result),
  });
}

const MAX_SHOWN = 50;

function errorItems(errors: { line: number; message: string }[]): string {
  const shown = errors
    .slice(0, MAX_SHOWN)
    .map((e) => `<li>${T.lineProblem(e.line, escapeHtml(e.message))}</li>`)
    .join("");
  const more = errors.length - MAX_SHOWN;
  return more > 0 ? `${shown}<li>${T.moreProblems(more)}</li>` : shown;
}
