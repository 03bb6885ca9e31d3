import { loginText as T } from "../../catalog/dashboard.ts";
import { escapeHtml, LOGIN_PATH, renderPage } from "./layout.ts";

export type LoginProblem = "wrong-code" | "not-organizer" | "too-many";

const PROBLEMS: Record<LoginProblem, string> = T.problems;

/** The login page: how to get a code, the code field, and what went wrong last time. */
export function renderLoginPage(wardName: string, problem?: LoginProblem): string {
  const error = problem ? `<p class="error" role="alert">${escapeHtml(PROBLEMS[problem])}</p>` : "";
  const form =
    problem === "too-many"
      ? ""
      : `<form method="post" action="${LOGIN_PATH}">
<label for="code">${T.codeLabel}</label>
<input type="text" id="code" name="code" required maxlength="20" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" placeholder="ABCD-EFGH">
<button type="submit">${T.submit}</button>
</form>`;
  return renderPage({
    title: T.pageTitle,
    wardName,
    body: `<section class="login">
<h1>${T.heading}</h1>
<p>${T.howToGetCode(`<b>${T.command}</b>`)}</p>
<p class="hint">${T.codeRules}</p>
${error}
${form}
</section>`,
  });
}
