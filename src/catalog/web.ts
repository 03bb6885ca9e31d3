/** The few Vietnamese strings only the web push sender says (the notice itself comes from the assistant). */
export const webPushMessages = {
  /** The notification's title on the phone. */
  title: "Trợ lý Bình dân học vụ số",
  /** Ends a notice cut to fit a notification. */
  more: "… (còn tiếp, hỏi người tổ chức lớp để biết thêm)",
} as const;
