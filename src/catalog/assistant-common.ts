/** Every Vietnamese sentence the assistant says, in one place. Keep them short and plain. */
export const messages = {
  greeting: (ward: string) =>
    `Xin chào! Mình là Trợ lý Bình dân học vụ số của ${ward}.\n` +
    "Mình giúp bạn học kỹ năng số: dùng điện thoại, VNeID, dịch vụ công, chuyển tiền an toàn, tránh lừa đảo…",
  consentQuestion:
    "Để ghi nhớ bài bạn đã học và điểm kiểm tra, mình cần lưu tiến độ học của bạn. " +
    "Mình chỉ lưu nhóm người học, tổ dân phố và kết quả học. Bạn có thể xem hoặc xóa bất cứ lúc nào.\n" +
    "Bạn có đồng ý không?",
  consentYes: "Đồng ý",
  consentNo: "Không đồng ý",
  consentDeclined:
    "Không sao cả. Mình sẽ không lưu gì về bạn.\n" +
    "Bạn vẫn có thể gõ câu hỏi để mình trả lời. Khi nào muốn lưu tiến độ, hãy gõ /batdau.",
  pleaseChoose: "Bạn hãy chọn một lựa chọn bên dưới (hoặc gõ số thứ tự của lựa chọn).",
  groupQuestion: "Bạn thuộc nhóm nào? Mình sẽ gợi ý bài học phù hợp với nhóm của bạn.",
  toQuestion: "Bạn sống ở tổ dân phố nào? Gõ số tổ, ví dụ: 5. " + "Nếu không muốn trả lời, chọn “Bỏ qua”.",
  toSkip: "Bỏ qua",
  toInvalid: "Mình chưa hiểu tên tổ dân phố. Bạn gõ số tổ, ví dụ: 5, hoặc tên tổ ngắn gọn nhé.",
  onboarded: (group: string, to: string | undefined) =>
    `Cảm ơn bạn! Mình đã ghi nhận: ${group}${to ? `, ${to}` : ""}.\n` +
    "Bây giờ bạn có thể gõ câu hỏi bất kỳ về kỹ năng số, hoặc chọn một việc bên dưới.",
  menuTitle: "Bạn muốn làm gì?",
  welcomeBack: "Chào mừng bạn quay lại! Bạn muốn làm gì hôm nay?",
  menuAsk: "Hỏi một câu",
  menuLearn: "Học bài",
  menuHelp: "Hướng dẫn",
  askPrompt: "Bạn cứ gõ câu hỏi, có dấu hay không dấu đều được. Ví dụ: cách kích hoạt VNeID mức 2?",
  help:
    "Cách dùng Trợ lý:\n" +
    "• Gõ câu hỏi bằng lời của bạn, có dấu hoặc không dấu. Ví dụ: “lam sao chuyen tien bang ma QR”.\n" +
    "Các lệnh (gõ cả dấu / ở đầu):\n" +
    "• /hoc — xem các bài học\n" +
    "• /kiemtra — làm bài kiểm tra\n" +
    "• /ontap — ôn lại câu đã trả lời sai\n" +
    "• /tiendo — xem tiến độ học\n" +
    "• /chungnhan — xem chứng nhận\n" +
    "• /lichhoc — lịch các lớp học sắp tới\n" +
    "• /huy — dừng việc đang làm dở\n" +
    "• /lienket — dùng chung tiến độ trên máy khác, Telegram và Zalo\n" +
    "• /dulieu — xem dữ liệu mình lưu về bạn\n" +
    "• /xoadulieu — xóa dữ liệu của bạn\n" +
    "• /start — bắt đầu, đăng ký học\n" +
    "• /batdau — làm lại phần giới thiệu (chọn lại nhóm, tổ dân phố)\n" +
    "• /trogiup — xem hướng dẫn này\n" +
    "Đừng gửi số căn cước, mật khẩu, mã OTP hay số tài khoản cho bất kỳ ai, kể cả cho mình.\n" +
    "Cần giúp trực tiếp? Hãy hỏi Tổ công nghệ số cộng đồng của tổ dân phố.",
  emptyMessage: "Bạn chưa gõ gì. Bạn cứ gõ câu hỏi, hoặc gõ /trogiup để xem hướng dẫn.",
  tooLong: (max: number) => `Tin nhắn dài quá, mình chỉ đọc ${max} ký tự đầu tiên.`,
  unknownAction: "Lựa chọn này đã cũ hoặc không còn dùng được. Mình gửi lại các lựa chọn mới nhé.",
  unknownCommand: "Mình chưa biết lệnh này. Gõ /trogiup để xem các lệnh.",
  modulesTitle: "Chọn một chủ đề để học:",
  moduleLessons: (title: string) => `${title}\nChọn một bài:`,
  moduleNotFound: "Mình không tìm thấy chủ đề này.",
  lessonNotFound: "Mình không tìm thấy bài học này.",
  lessonFooter: "Bạn có câu hỏi về bài này? Cứ gõ câu hỏi nhé.",
  backToModules: "Các chủ đề khác",
  backToMenu: "Về trang chính",
  openLesson: "Đọc cả bài",
  /** Before the lesson on checking links, when someone sends only a link. The link is never opened. */
  pastedLink:
    "Bạn vừa gửi một đường link. Mình không mở link này. Nếu link do người lạ gửi, bạn đừng bấm vào " +
    "vội. Bài dưới đây chỉ cách tự kiểm tra một đường link:",
  internalError: "Xin lỗi, mình đang gặp trục trặc. Bạn thử lại sau ít phút nhé.",
  storeBusy: "Hệ thống đang bận, bạn thử lại sau ít phút.",
  slowDown: "Bạn gửi nhanh quá, mình chưa kịp đọc hết. Bạn đợi khoảng một phút rồi gửi tiếp nhé.",
} as const;
