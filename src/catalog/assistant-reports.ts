/** Vietnamese text of the organizer's reports: /baocao and the dashboard login (/quantri). */

/** Words /baocao allows around the dates: "từ 1/1/2026 đến 30/6/2026". */
export const REPORT_FILLER_WORDS: readonly string[] = ["tu", "từ", "den", "đến", "ngay", "ngày"];

/** What /nhatky reads as "turn on" and "turn off" (with or without accents). */
export const QUESTION_LOG_WORDS = { on: ["bat", "bật"], off: ["tat", "tắt"], show: "xem" } as const;

export const reportMessages = {
  reportUsage:
    "Báo cáo theo kỳ: /baocao <từ ngày> <đến ngày>, ví dụ /baocao 01/01/2026 30/06/2026.\n" +
    "Gõ /baocao không kèm ngày để xem từ đầu năm đến hôm nay.",
  badDate: (text: string) =>
    `Mình không đọc được ngày "${text}". Bạn gõ theo dạng ngày/tháng/năm, ví dụ 30/06/2026.`,
  endBeforeStart:
    "Ngày kết thúc đang trước ngày bắt đầu. Bạn gõ ngày bắt đầu trước, ví dụ /baocao 01/01/2026 30/06/2026.",
  dashboardHint:
    "Xem bảng đầy đủ, biểu đồ và tải tệp Excel: gõ /quantri để nhận mã đăng nhập trang quản trị.",
  dashboardCode: (code: string, url: string) =>
    `Mã đăng nhập trang quản trị: ${code}\n` +
    `Mở ${url} và gõ mã này. Mã chỉ dùng được một lần, trong 10 phút.\n` +
    "Đừng gửi mã này cho ai khác.",

  // /nhatky
  questionLogStatus: (on: boolean) =>
    `Nhật ký câu hỏi ẩn danh đang ${on ? "BẬT" : "TẮT"}.\n` +
    "Khi bật, câu hỏi của người dân được lưu không kèm tên hay tài khoản; số định danh, số điện thoại, mã OTP, " +
    "số tài khoản, số thẻ và email được che đi. Dùng để biết bài học nào cần viết thêm.\n" +
    "Gõ /nhatky bat để bật, /nhatky tat để tắt, /nhatky xem để xem các câu chưa trả lời được trong tháng.",
  questionLogOn: "Đã BẬT nhật ký câu hỏi ẩn danh.",
  questionLogOff: "Đã TẮT nhật ký câu hỏi ẩn danh. Từ giờ không lưu câu hỏi nào.",
  questionLogWardOnly: "Chỉ người tổ chức cấp phường mới bật, tắt hay xem nhật ký câu hỏi.",
  questionLogEmpty: "Tháng này chưa có câu hỏi nào mà trợ lý chưa trả lời được.",
  questionLogRefused: (lines: string[], total: number) =>
    `Câu hỏi chưa trả lời được trong tháng (${lines.length}/${total} câu đã lưu):\n${lines.join("\n")}`,
};
