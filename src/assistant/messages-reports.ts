/** Vietnamese text of the organizer's reports: /baocao and the dashboard login (/quantri). */
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
};
