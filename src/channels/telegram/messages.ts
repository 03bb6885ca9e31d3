/** The few Vietnamese strings only the Telegram adapter says (everything else comes from the assistant). */
export const telegramMessages = {
  /** Stickers, photos, voice, documents, videos, locations… in a private chat. */
  textOnly: "Mình chỉ đọc được tin nhắn chữ. Bạn gõ câu hỏi bằng chữ nhé.",
  /** A button pressed on a keyboard that was shown to someone else (groups). */
  notYourKeyboard: "Nút này dành cho người khác. Bạn nhắn riêng cho mình để tự học nhé.",
} as const;
