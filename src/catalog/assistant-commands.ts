/** The command menus' lines (Telegram's "/" menu), by slash command without the slash. */
export const commandDescriptions = {
  start: "Bắt đầu, đăng ký học",
  hoc: "Xem các bài học",
  kiemtra: "Làm bài kiểm tra",
  ontap: "Ôn lại câu đã trả lời sai",
  tiendo: "Xem tiến độ học",
  chungnhan: "Xem chứng nhận",
  lichhoc: "Lịch các lớp học sắp tới",
  trogiup: "Hướng dẫn sử dụng",
  huy: "Dừng việc đang làm",
  lienket: "Dùng chung tiến độ trên máy khác, Telegram, Zalo",
  dulieu: "Xem dữ liệu của tôi",
  xoadulieu: "Xóa dữ liệu của tôi",
  taolop: "Tạo lớp học mới",
  diemdanh: "Điểm danh lớp học",
  thongbao: "Gửi thông báo",
  baocaogui: "Tình trạng gửi thông báo",
  baocao: "Báo cáo chỉ tiêu",
  quantri: "Mã đăng nhập trang quản trị",
  nhatky: "Nhật ký câu hỏi ẩn danh (bật, tắt, xem)",
  phanquyen: "Cấp, thu hồi quyền tổ chức",
  thuhoicn: "Thu hồi một chứng nhận",
} as const;

export type DescribedCommand = keyof typeof commandDescriptions;
