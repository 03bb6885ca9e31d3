/** What a person hears back about a voice message, on every channel. Plain and kind: never their fault. */
export const voiceMessages = {
  /** Put before the answer, so the person can tell whether they were heard right. */
  heard: (text: string) => `Mình nghe được: “${text}”`,
  /** No transcription endpoint configured. */
  notAvailable:
    "Mình chưa nghe được tin nhắn thoại, tính năng này sắp có. Bạn nhờ một thành viên Tổ công nghệ số " +
    "cộng đồng gõ giúp câu hỏi, hoặc gõ câu hỏi bằng chữ nhé.",
  tooLarge:
    "Tin nhắn thoại này dài quá nên mình chưa nghe được. Bạn nói ngắn lại, chừng một phút, " +
    "hoặc gõ câu hỏi bằng chữ nhé.",
  notHeard:
    "Mình chưa nghe rõ tin nhắn thoại này. Bạn thử nói lại chậm và gần máy hơn, " +
    "hoặc nhờ một thành viên Tổ công nghệ số cộng đồng gõ giúp nhé.",
} as const;

/** The line for a voice message that could not be turned into text (any other reason: not heard). */
export function voiceFailureLine(reason: "not-configured" | "too-large" | (string & {})): string {
  if (reason === "not-configured") return voiceMessages.notAvailable;
  if (reason === "too-large") return voiceMessages.tooLarge;
  return voiceMessages.notHeard;
}
