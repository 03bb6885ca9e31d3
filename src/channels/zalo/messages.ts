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
