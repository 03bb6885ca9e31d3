import { escapeHtml, LOGIN_PATH, renderPage } from "./layout.ts";

export type LoginProblem = "wrong-code" | "not-organizer" | "too-many";

const PROBLEMS: Record<LoginProblem, string> = {
  "wrong-code": "Mã không đúng hoặc đã hết hạn. Hãy gõ /quantri để nhận mã mới.",
  "not-organizer": "Tài khoản này không còn quyền tổ chức nên không xem được bảng số liệu.",
  "too-many": "Bạn đã thử quá nhiều lần. Vui lòng đợi 10 phút rồi thử lại.",
};

/** The login page: how to get a code, the code field, and what went wrong last time. */
export function renderLoginPage(wardName: string, problem?: LoginProblem): string {
  const error = problem ? `<p class="error" role="alert">${escapeHtml(PROBLEMS[problem])}</p>` : "";
  const form =
    problem === "too-many"
      ? ""
      : `<form method="post" action="${LOGIN_PATH}">
<label for="code">Mã đăng nhập</label>
<input type="text" id="code" name="code" required maxlength="20" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" placeholder="ABCD-EFGH">
<button type="submit">Đăng nhập</button>
</form>`;
  return renderPage({
    title: "Đăng nhập — Bảng số liệu Bình dân học vụ số",
    wardName,
    body: `<section class="login">
<h1>Đăng nhập bảng số liệu</h1>
<p>Gõ <b>/quantri</b> cho trợ lý trên Telegram hoặc Zalo để nhận mã đăng nhập.</p>
<p class="hint">Mã gồm 8 ký tự, dùng được một lần trong 10 phút. Phiên đăng nhập kéo dài 8 giờ.</p>
${error}
${form}
</section>`,
  });
}
