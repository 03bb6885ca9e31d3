/** The few Vietnamese strings only the Zalo OA adapter says (everything else comes from the assistant). */
export const zaloOaMessages = {
  /** Photos, stickers, voice, files, locations… sent to the OA: nothing we can read, no one to blame. */
  textOnly:
    "Mình mới đọc được tin nhắn chữ thôi. Bạn gõ câu hỏi bằng chữ (có dấu hay không dấu đều được) nhé.",
} as const;
