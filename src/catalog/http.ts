/** What the web server itself says, outside any page or dialogue. */

/** Said on a 429: many residents of one community hall share one address, so it is not their network's fault. */
export const SHARED_NETWORK_BUSY =
  "Nhiều người đang dùng chung mạng này nên mình phải trả lời chậm lại một chút. " +
  "Tin nhắn của bạn không mất đâu, đợi vài giây rồi gửi lại nhé.";
