/** The few Vietnamese strings only the Telegram adapter says (everything else comes from the assistant). */
export const telegramMessages = {
  /** Stickers, photos, voice, documents, videos, locations… in a private chat. */
  textOnly: "Mình chỉ đọc được tin nhắn chữ. Bạn gõ câu hỏi bằng chữ nhé.",
  /** A button pressed on a keyboard that was shown to someone else (groups). */
  notYourKeyboard: "Nút này dành cho người khác. Bạn nhắn riêng cho mình để tự học nhé.",
  /**
   * The big buttons under the message box in elderly mode, two to a row. Pressing one sends its text,
   * which the assistant reads as a command (the typed `words` of the features in
   * src/assistant/features/learning-features.ts, matched without accents), so keep the two in step.
   */
  elderlyButtons: [
    ["Hỏi", "Học bài"],
    ["Kiểm tra", "Tiến độ"],
  ],
  /** Shown in the empty message box while the big buttons are up (at most 64 characters). */
  elderlyPlaceholder: "Gõ câu hỏi ở đây, hoặc bấm nút",
  /** Sent once when the big buttons first appear and no other message of the turn could carry them. */
  elderlyKeyboardIntro:
    "Ở dưới ô gõ chữ có 4 nút lớn: Hỏi, Học bài, Kiểm tra, Tiến độ. Bạn bấm một nút để dùng ngay nhé.",
} as const;
