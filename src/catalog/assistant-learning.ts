/** Vietnamese text of quizzes, review, progress, certificates, data rights and account linking. */

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A module's status (learning/progress-store.ts ModuleStatus) as the learner reads it. */
export const STATUS_LABELS: Record<"chua-hoc" | "dang-hoc" | "dat", string> = {
  "chua-hoc": "chưa học",
  "dang-hoc": "đang học",
  dat: "đạt",
};

export const learningMessages = {
  quizTitle: (title: string, count: number) =>
    `Bài kiểm tra: ${title} (${count} câu). Chọn đáp án đúng nhất.`,
  lessonQuizTitle: (title: string, count: number) => `Câu hỏi về bài “${title}” (${count} câu).`,
  reviewTitle: (count: number) => `Ôn tập ${count} câu bạn từng trả lời sai.`,
  placementTitle: (count: number) =>
    `Kiểm tra nhanh ${count} câu, mỗi chủ đề một câu. Câu nào bạn đã biết, mình sẽ đánh dấu để bạn học nhanh hơn.`,
  questionHeader: (n: number, total: number) => `Câu ${n}/${total}`,
  right: (explanation: string) => `✅ Đúng rồi! ${explanation}`,
  wrong: (answer: string, explanation: string) => `❌ Chưa đúng. Đáp án đúng: “${answer}”.\n${explanation}`,
  finished: (correct: number, total: number) => `Xong! Bạn trả lời đúng ${correct}/${total} câu.`,
  passed: (score: number) => `Bạn đạt ${percent(score)}. Chúc mừng, bạn đã đạt chủ đề này! 🎉`,
  notPassed: (score: number, mark: number) =>
    `Bạn đạt ${percent(score)}, cần ${percent(mark)} để đạt. Đọc lại bài rồi làm lại nhé, không giới hạn số lần.`,
  readAgain: "Nên đọc lại:",
  retry: "Làm lại",
  placementDone: (known: string[]) =>
    known.length
      ? `Bạn đã biết: ${known.join(", ")}. Khi sẵn sàng, bạn làm bài kiểm tra các chủ đề đó để được tính là đạt.`
      : "Không sao cả, mình sẽ cùng bạn học từ đầu.",
  alreadyAnswered: "Câu này bạn đã trả lời rồi, mình chỉ tính một lần.",
  quizClosed: "Bài kiểm tra này đã kết thúc hoặc đã hết hạn.",
  busy: "Mình đang ghi nhận câu trả lời trước của bạn, bạn chờ một chút nhé.",
  quizOpen: (title: string, n: number, total: number) =>
    `Bạn đang làm dở bài “${title}” (đến câu ${n}/${total}). Làm tiếp hay bỏ?`,
  resume: "Làm tiếp",
  abandon: "Bỏ bài này",
  cancelled: "Đã dừng bài kiểm tra. Khi nào muốn, gõ /kiemtra để làm lại.",
  nothingToCancel: "Không có việc gì đang làm dở.",
  chooseModuleQuiz: "Bạn muốn làm bài kiểm tra chủ đề nào?",
  noQuestions: "Chủ đề này chưa có câu hỏi kiểm tra.",
  noReviewDue: "Hiện chưa có câu nào cần ôn. Làm bài kiểm tra để mình biết câu nào bạn cần ôn nhé.",
  takeLessonQuiz: "Làm 3 câu hỏi về bài này",
  takeModuleQuiz: "Làm bài kiểm tra chủ đề",
  practiceDone: "Tôi đã làm thử xong",
  practiceTitle: "Làm thử:",
  practiceRecorded: "Mình đã ghi nhận bạn làm thử xong. Giỏi lắm!",
  placementOffer: "Kiểm tra nhanh trình độ",
  needOnboarding: "Để lưu kết quả học, bạn cần đăng ký trước. Gõ /batdau để đăng ký (chỉ mất 1 phút).",
  privateOnly: "Việc này có thông tin riêng của bạn. Bạn nhắn riêng cho mình để xem nhé.",
  progressTitle: (group: string, passed: number, total: number) =>
    `Tiến độ của bạn (${group}): đạt ${passed}/${total} chủ đề bắt buộc.`,
  progressLine: (icon: string, title: string, bar: string, status: string, detail: string) =>
    `${icon} ${title}\n   ${bar} ${status}${detail ? ` (${detail})` : ""}`,
  lessonsRead: (read: number, total: number) => `đã đọc ${read}/${total} bài`,
  bestScore: (score: number) => `cao nhất ${percent(score)}`,
  knownMark: "đã biết",
  nextRead: (title: string) => `Bước tiếp theo: đọc bài “${title}”.`,
  nextQuiz: (title: string) => `Bước tiếp theo: làm bài kiểm tra “${title}”.`,
  allDone: "Bạn đã đạt tất cả chủ đề bắt buộc!",
  reviewDue: (n: number) => `Ôn tập (${n} câu)`,
  remindOn: "Nhắc ôn tập mỗi ngày",
  remindOff: "Tắt nhắc ôn tập",
  remindEnabled: "Mình sẽ nhắc bạn ôn tập mỗi ngày khi có câu cần ôn (không nhắn từ 21 giờ đến 7 giờ sáng).",
  remindDisabled: "Đã tắt nhắc ôn tập.",
  /** The daily review reminder: one message for everyone due (the broadcast is the same for all). */
  remindText: "🔔 Hôm nay bạn có câu cần ôn lại. Gõ /ontap để ôn nhé (chỉ vài phút).",
  reviewNow: "Ôn tập ngay",
  readLesson: "Đọc bài",
  seeProgress: "Xem tiến độ",
  takeQuiz: "Làm bài kiểm tra",
  askCertName:
    "🎉 Chúc mừng! Bạn đã đạt tất cả chủ đề bắt buộc của nhóm mình.\n" +
    "Bạn muốn in tên nào trên chứng nhận? Hãy gõ họ và tên, ví dụ: Nguyễn Thị Lan.",
  certificateNeedsPerson:
    "🎉 Chúc mừng! Bạn đã đạt tất cả chủ đề bắt buộc của nhóm mình.\n" +
    "Để phường cấp chứng nhận, phường cần biết chắc đây là bạn. Bạn làm một trong hai cách:\n" +
    "• Đến một buổi học của phường và điểm danh bằng mã cán bộ đọc tại lớp (gõ /diemdanh rồi gõ mã).\n" +
    "• Hoặc học tiếp trên Telegram hay Zalo của phường và liên kết với tài khoản này (/lienket).\n" +
    "Xong rồi, bạn gõ /chungnhan để nhận chứng nhận.",
  certificateBarred:
    "Chứng nhận trước đây của bạn đã bị phường thu hồi, nên mình không cấp lại được. " +
    "Bạn hãy hỏi cán bộ phường hoặc Tổ công nghệ số cộng đồng của tổ dân phố.",
  tooFast:
    "Bạn làm nhanh quá nên lần này chưa được tính. Hãy đọc kỹ từng câu và các lựa chọn rồi làm lại nhé.",
  certNameSaved: (name: string) => `Mình đã ghi tên “${name}” để in trên chứng nhận.`,
  certNameInvalid: "Tên cần từ 2 đến 60 chữ cái, không có số hay ký hiệu. Bạn gõ lại họ và tên nhé.",
  certificate: (c: {
    id: string;
    name: string;
    group: string;
    to?: string;
    date: string;
    modules: string[];
  }) =>
    [
      `Chứng nhận học tập số ${c.id}`,
      `Họ và tên: ${c.name}`,
      `Nhóm: ${c.group}`,
      ...(c.to ? [`Tổ dân phố: ${c.to}`] : []),
      `Ngày cấp: ${c.date}`,
      `Đã đạt: ${c.modules.join(", ")}`,
    ].join("\n"),
  certificateNote:
    "Đây là ghi nhận học tập của phường. Việc xác nhận chính thức trên toàn quốc thực hiện trên VNeID, " +
    "theo hướng dẫn của phường và nền tảng binhdanhocvuso.gov.vn.",
  certificateLink: "Xem, in chứng nhận",
  certificateMissing: (left: string[]) =>
    `Bạn chưa có chứng nhận. Còn ${left.length} chủ đề cần đạt: ${left.join(", ")}.`,
  certificateRevoked: (reason: string) => `Chứng nhận này đã bị thu hồi. Lý do: ${reason}`,
  exportIntro: "Đây là toàn bộ dữ liệu mình lưu về bạn:",
  eraseConfirm:
    "Bạn có chắc muốn xóa toàn bộ dữ liệu học của mình (tiến độ, điểm, chứng nhận)? Việc này không hoàn tác được.",
  eraseYes: "Xóa hết",
  eraseNo: "Không xóa",
  erased: "Đã xóa toàn bộ dữ liệu của bạn. Cảm ơn bạn đã học cùng mình. Gõ /batdau nếu muốn học lại.",
  eraseKept: "Mình giữ nguyên dữ liệu của bạn.",
  linkCode: (code: string) =>
    `Mã liên kết của bạn: ${code}\nTrên điện thoại khác (trang web học) hoặc trên Telegram, Zalo, nhắn cho Trợ lý: /lienket ${code}\n` +
    "Mã dùng được một lần, trong 10 phút. Đừng đưa mã cho người khác.",
  linked: "Đã liên kết! Tiến độ và chứng nhận của bạn giờ dùng chung trên các máy và ứng dụng đã liên kết.",
  linkInvalid:
    "Mã liên kết không đúng hoặc đã hết hạn. Bạn lấy mã mới bằng lệnh /lienket ở máy hoặc ứng dụng kia nhé.",
  linkNotHere: "Liên kết dùng trên trang web học, Telegram và Zalo, không dùng ở đây.",
  linkLocked:
    "Bạn đã nhập sai mã liên kết nhiều lần. Hãy đợi 15 phút rồi thử lại, với mã mới lấy bằng lệnh /lienket ở máy hoặc ứng dụng kia.",
  moreSteps: "Bước tiếp theo",
  noMoreSteps: "Hết các bước rồi. Bạn cứ hỏi tiếp nhé.",
  modeQuestion:
    "Bạn có muốn mình trả lời ngắn gọn, từng bước một không? (Hợp với người lớn tuổi, mới dùng điện thoại.)",
  modeElderly: "Có, từng bước một",
  modeNormal: "Không, bình thường",
} as const;
