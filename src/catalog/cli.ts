/** What only the terminal chat says (everything else comes from the assistant). */

/** Said once when the terminal chat starts. */
export const TERMINAL_INTRO =
  "Trò chuyện với Trợ lý Bình dân học vụ số ngay trong cửa sổ này.\n" +
  "Gõ câu hỏi rồi nhấn Enter. Khi có lựa chọn, gõ số của lựa chọn rồi nhấn Enter. Gõ /thoat để thoát.";

/** Said when the terminal chat ends. */
export const TERMINAL_GOODBYE = "Tạm biệt!";

/** Under options listed without numbers: a typed number is the answer itself. */
export const TYPE_OR_PICK = "(Gõ câu trả lời, hoặc gõ đúng một dòng ở trên, rồi nhấn Enter.)";

/** Under a quiz question whose answers are lettered in the text: a letter, or a number. */
export function letterChoiceHint(count: number): string {
  const letters = "ABCD".slice(0, count).split("");
  return `(Gõ chữ ${letters.slice(0, -1).join(", ")} hoặc ${letters.at(-1)}, hoặc số 1 đến ${count}, rồi nhấn Enter.)`;
}

/** Under numbered options. */
export function numberChoiceHint(count: number): string {
  return count === 1
    ? "(Gõ số 1 rồi nhấn Enter để chọn.)"
    : `(Gõ số từ 1 đến ${count} rồi nhấn Enter để chọn.)`;
}
