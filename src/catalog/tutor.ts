/** What the tutor says in Vietnamese: answers' frame, questions back, refusals and referrals. */

/** The places a lesson can refer a resident to (knowledge/schema.ts REFERRAL_PLACES, spelled out here). */
type ReferralPlace = "cong-an-phuong" | "trung-tam-hcc-phuong";

const PLACE_NAMES: Record<ReferralPlace, string> = {
  "cong-an-phuong": "Công an phường",
  "trung-tam-hcc-phuong": "Trung tâm Phục vụ hành chính công phường",
};

export const tutorMessages = {
  seeLesson: (title: string) => `Xem bài: ${title}`,
  dontKnow:
    "Xin lỗi, mình chưa có thông tin này trong các bài học. " +
    "Bạn hãy hỏi Tổ công nghệ số cộng đồng của tổ dân phố, hoặc Trung tâm Phục vụ hành chính công phường.",
  outOfScope:
    "Câu này nằm ngoài các bài học kỹ năng số, nên mình chưa có thông tin này. " +
    "Mình giúp được về điện thoại, VNeID, dịch vụ công, thanh toán, an toàn trên mạng, AI… Bạn thử hỏi về những việc đó nhé.",
  medical:
    "Mình không tư vấn được về triệu chứng, bệnh hay thuốc. Bạn hãy hỏi bác sĩ hoặc Trạm Y tế phường. " +
    "Nếu khẩn cấp, hãy gọi ngay 115.",
  referral: (place: ReferralPlace | undefined, onlineLesson: string | undefined) =>
    `Đây là thủ tục hành chính, các bài học của mình chưa hướng dẫn thủ tục này. ` +
    `Bạn hỏi trực tiếp ${place ? PLACE_NAMES[place] : "Trung tâm Phục vụ hành chính công phường"} để biết cần giấy tờ gì và làm ở đâu.` +
    (onlineLesson
      ? ` Nhiều thủ tục nộp được trên mạng tại dichvucong.gov.vn. Cách nộp, xem bài: ${onlineLesson}.`
      : ""),
  personalDataWarning:
    "Lưu ý: bạn đừng gửi số căn cước, số điện thoại, mã OTP hay số tài khoản qua tin nhắn, kể cả cho mình.",
  stepIntro: (n: number) => `Bước ${n}:`,
  noSuchStep: (n: number, total: number) => `Bài này có ${total} bước, không có bước ${n}.`,
  clarify: "Mình chưa chắc bạn hỏi việc nào. Ý bạn là:",
  clarifyNone: "Không phải các ý này",
  clarifyNoneReply:
    "Bạn kể cụ thể hơn giúp mình nhé: bạn đang dùng ứng dụng nào, muốn làm việc gì, máy báo gì? " +
    "Hoặc nhờ Tổ công nghệ số cộng đồng của tổ dân phố chỉ trực tiếp.",
} as const;

/** The labels that stand in for personal data removed from a question before it leaves the process. */
export const redactionLabels = {
  idNumber: "[số định danh]",
  phone: "[số điện thoại]",
  otp: "[mã OTP]",
  bankAccount: "[số tài khoản]",
  email: "[email]",
  card: "[số thẻ]",
} as const;
