/** The Vietnamese lines only the Zalo adapter says (everything else comes from the assistant). */
export const zaloMessages = {
  /**
   * Zalo withheld the message (message.unsupported.received): the sender is one of the people Zalo
   * protects (children and others). Said once per chat for a while; never their fault.
   */
  withheld:
    "Chào bạn! Zalo không cho mình xem tin nhắn này, nên mình chưa trả lời được. Đây không phải lỗi " +
    "của bạn. Bạn nhờ bố mẹ, người thân hoặc một thành viên Tổ công nghệ số cộng đồng hỏi giúp nhé.",
  /** A photo without a caption. */
  photo:
    "Mình đã nhận được hình, cảm ơn bạn! Mình chưa xem được hình, bạn gõ vài chữ nói mình cần giúp " +
    "việc gì nhé.",
  /** A sticker. */
  sticker: "Cảm ơn bạn! Bạn cần hỏi gì về điện thoại, Internet thì cứ nhắn cho mình nhé.",
  /** Under options listed without numbers, where a typed number is the answer itself (the tổ question). */
  typeOrPick: "Bạn gõ câu trả lời, hoặc gõ đúng một dòng ở trên.",
} as const;

/** Zalo has no buttons: options become a numbered list the learner answers by typing the number. */
export function optionHint(count: number): string {
  if (count === 1) return "Trả lời 1 để chọn.";
  if (count === 2) return "Trả lời 1 hoặc 2.";
  if (count <= 4) {
    const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
    return `Trả lời ${numbers.slice(0, -1).join(", ")} hoặc ${numbers.at(-1)}.`;
  }
  return `Trả lời bằng số từ 1 đến ${count}.`;
}

/** Under a quiz question whose options are lettered in the text already ("A. …"). */
export function letterHint(count: number): string {
  const letters = "ABCD".slice(0, count).split("");
  return `Trả lời ${letters.slice(0, -1).join(", ")} hoặc ${letters.at(-1)} (hoặc số 1 đến ${count}).`;
}

/** For the operator (log and start-up error): polling cannot run while a webhook is set. */
export const WEBHOOK_SET_MESSAGE =
  "Zalo: đang đặt webhook nên không nhận tin bằng getUpdates được — hãy xóa webhook " +
  "(npm run set-webhook -- zalo --delete) hoặc đặt ZALO_WEBHOOK_URL";

/** For the operator (log and start-up error): Zalo refused the bot token. */
export const TOKEN_REFUSED_MESSAGE = "Zalo: ZALO_BOT_TOKEN bị từ chối (401) — hãy kiểm tra lại token";
