/** Vietnamese text of organizer tools: roles, classes, RSVP, attendance and broadcasts. */

/** Who a notice cannot reach, by reason (the organizer's reach report, as the catalog needs it). */
interface Unreachable {
  unreachable: { noPush: number; outsideWindow: number; blocked: number; noChannel: number };
}

/** A broadcast's delivery counts, by state. */
interface DeliveryCounts {
  sent: number;
  failed: number;
  unreachable: number;
  outsideWindow: number;
  pending: number;
  sending: number;
  ambiguous: number;
}

/** Said before a notice or class announcement is sent: who will not get it and why; "" when everyone will. */
function unreachableWarning(report: Unreachable): string {
  const { noPush, outsideWindow, blocked, noChannel } = report.unreachable;
  const total = noPush + outsideWindow + blocked + noChannel;
  if (!total) return "";
  const why = [
    noPush ? `${noPush} người chỉ dùng trang web học mà chưa bật nhận thông báo` : "",
    outsideWindow
      ? `${outsideWindow} người chỉ nhắn với Zalo OA của phường và đã ngoài thời hạn 48 giờ kể từ tin nhắn cuối của họ`
      : "",
    blocked ? `${blocked} người đã chặn Trợ lý hoặc tắt nhận thông báo` : "",
    noChannel ? `${noChannel} người chỉ dùng kênh mà máy chủ này không gửi tin được` : "",
  ].filter(Boolean);
  return (
    `\n⚠️ ${total} người trong số đó sẽ KHÔNG nhận được: ${why.join("; ")}. ` +
    "Bạn nhắn họ qua tổ dân phố nhé."
  );
}

export const organizerMessages = {
  notOrganizer: (account: string) =>
    "Lệnh này chỉ dành cho người tổ chức lớp học của phường.\n" +
    `Nếu bạn cần được cấp quyền, hãy gửi mã tài khoản này cho quản trị viên: ${account}`,
  adminOnly: "Chỉ quản trị viên mới cấp hoặc thu hồi quyền tổ chức.",
  outOfScope: (tos: string) => `Bạn chỉ được tổ chức cho: ${tos}. Hãy chọn tổ dân phố trong phạm vi của bạn.`,
  cancelledDialogue: "Đã hủy. Không có gì được lưu hay gửi đi.",
  dialogueExpired: "Việc này đã hết hạn hoặc đã xong. Bạn bắt đầu lại bằng lệnh nhé.",
  pleaseChoose: "Bạn bấm một lựa chọn bên dưới, hoặc gõ /huy để dừng.",
  cancelHint: "(Gõ /huy bất cứ lúc nào để dừng.)",
  dialogueOpen: (kind: "class" | "notice" | "checkin") =>
    `${
      kind === "class"
        ? "Bạn đang tạo dở một lớp học."
        : kind === "notice"
          ? "Bạn đang soạn dở một thông báo."
          : "Mình đang chờ bạn gõ mã điểm danh của lớp."
    } Bạn trả lời tiếp câu hỏi ở trên để làm tiếp, hoặc gõ /huy để dừng.`,

  // /phanquyen
  rolesHelp:
    "Cấp quyền tổ chức: /phanquyen cap <tài khoản> <phạm vi>\n" +
    "• tài khoản: kênh:mã, ví dụ telegram:123456 hoặc zalo:abc (người đó xem mã của mình khi gõ /phanquyen)\n" +
    "• phạm vi: phuong (cả phường) hoặc to:5,7 (các tổ dân phố)\n" +
    "Thu hồi: /phanquyen thuhoi <tài khoản>",
  rolesList: (lines: string[]) =>
    lines.length ? `Người tổ chức hiện có:\n${lines.join("\n")}` : "Chưa có người tổ chức nào.",
  roleGranted: (account: string, scope: string) => `Đã cấp quyền tổ chức cho ${account}, phạm vi: ${scope}.`,
  roleRevoked: (account: string) => `Đã thu hồi quyền tổ chức của ${account}.`,
  roleNotFound: (account: string) => `${account} không có quyền tổ chức.`,
  badRoleSyntax: "Mình chưa hiểu lệnh.",

  // /thuhoicn
  revokeCertHelp:
    "Thu hồi chứng nhận: /thuhoicn <mã chứng nhận> <lý do>, ví dụ /thuhoicn HVS-26-7K3Q9X cấp nhầm",
  certNotFound: "Không tìm thấy chứng nhận này.",
  certRevoked: (id: string) => `Đã thu hồi chứng nhận ${id}. Trang kiểm tra sẽ báo “đã thu hồi”.`,

  // /taolop
  classTopic: "Tạo lớp mới. Bước 1/6: chủ đề của lớp? Chọn một chủ đề, gõ số thứ tự, hoặc gõ tên chủ đề.",
  classWhen:
    "Bước 2/6: lớp học lúc nào? Gõ ngày và giờ, ví dụ: 20/12 19:30 hoặc 20/12/2026 19h30 (có thể thêm giờ kết thúc: 20/12 19h-21h).",
  classPlace: "Bước 3/6: lớp học ở đâu? Ví dụ: Nhà văn hóa tổ 5.",
  classTo: "Bước 4/6: lớp dành cho tổ dân phố nào? Gõ số tổ, ví dụ: 5, 7 — hoặc chọn “Cả phường”.",
  classGroup: "Bước 5/6: lớp dành cho nhóm người học nào?",
  classCapacity: "Bước 6/6: lớp nhận tối đa bao nhiêu người? Gõ một số từ 1 đến 500.",
  badTopic: "Tên chủ đề cần từ 3 đến 120 ký tự.",
  badPlace: "Địa điểm cần từ 3 đến 200 ký tự.",
  badTo: "Mình chưa hiểu tổ dân phố. Gõ số tổ, ví dụ: 5, 7.",
  badCapacity: "Số chỗ phải là một số từ 1 đến 500.",
  dateFormat: "Mình chưa hiểu ngày giờ. Gõ như: 20/12 19:30 hoặc 20/12/2026 19h30.",
  datePast: "Thời gian này đã qua. Bạn gõ một thời gian sắp tới nhé.",
  dateFar: "Thời gian này xa quá (hơn một năm). Bạn kiểm tra lại nhé.",
  dateEnd: "Giờ kết thúc phải sau giờ bắt đầu.",
  wholeWard: "Cả phường",
  allGroups: "Mọi nhóm",
  confirm: "Xác nhận",
  cancel: "Hủy",
  classSummary: (
    topic: string,
    when: string,
    place: string,
    audience: string,
    capacity: number,
    reach: number,
    report: Unreachable,
  ) =>
    `Kiểm tra lại lớp học:\n• Chủ đề: ${topic}\n• Thời gian: ${when}\n• Địa điểm: ${place}\n` +
    `• Dành cho: ${audience}\n• Số chỗ: ${capacity}\nThông báo sẽ gửi tới ${reach} người.` +
    `${unreachableWarning(report)}\nXác nhận?`,
  classCreated: (code: string, reach: number, report: Unreachable) =>
    `Đã tạo lớp và đang gửi thông báo tới ${reach} người.${unreachableWarning(report)}\n` +
    `Mã điểm danh của lớp: ${code} (gõ /diemdanh để xem lại).`,

  // announcement, RSVP, reminders
  classAnnouncement: (topic: string, when: string, place: string, capacity: number) =>
    `📢 Lớp học kỹ năng số: ${topic}\n🕒 ${when}\n📍 ${place}\nSố chỗ: ${capacity}. Bạn có tham gia không?`,
  join: "Tham gia",
  decline: "Không tham gia",
  cancelRsvp: "Hủy đăng ký",
  rsvpGoing: (topic: string, when: string) =>
    `Đã ghi tên bạn vào lớp “${topic}” lúc ${when}. Mình sẽ nhắc bạn trước 1 ngày và 1 giờ.`,
  rsvpWaitlist: (position: number) =>
    `Lớp đã đủ chỗ. Bạn ở vị trí ${position} trong danh sách chờ; có chỗ mình sẽ báo ngay.`,
  rsvpDeclined: "Đã ghi nhận bạn không tham gia. Cảm ơn bạn đã trả lời.",
  rsvpCancelled: "Đã hủy đăng ký của bạn.",
  rsvpClosed: "Lớp này đã bắt đầu hoặc đã kết thúc.",
  rsvpUnknown: "Mình không tìm thấy lớp này.",
  seatFreed: (topic: string, when: string, place: string) =>
    `Tin vui: đã có chỗ cho bạn trong lớp “${topic}” lúc ${when} tại ${place}. Nếu không đi được, bạn bấm “Hủy đăng ký”.`,
  reminder: (topic: string, when: string, place: string, hours: number) =>
    `⏰ Nhắc lịch: lớp “${topic}” bắt đầu ${hours >= 24 ? "ngày mai" : "sau 1 giờ nữa"}, lúc ${when}, tại ${place}.`,

  // /lichhoc
  noClasses: "Hiện chưa có lớp học nào sắp tới cho bạn.",
  classesTitle: "Các lớp học sắp tới:",
  classLine: (n: number, topic: string, when: string, place: string, status: string) =>
    `${n}. ${topic} — ${when}, ${place}${status ? ` (${status})` : ""}`,
  statusGoing: "bạn đã đăng ký",
  statusWaitlist: "bạn đang trong danh sách chờ",
  statusDeclined: "bạn không tham gia",
  joinN: (n: number) => `Tham gia lớp ${n}`,
  cancelN: (n: number) => `Hủy lớp ${n}`,

  // /diemdanh
  checkinPrompt: "Bạn gõ mã điểm danh 6 số mà người tổ chức cho xem tại lớp.",
  checkinLocked:
    "Bạn đã nhập sai mã điểm danh nhiều lần. Hãy hỏi lại người tổ chức và thử lại sau 15 phút nhé.",
  checkinDone: (topic: string) => `Đã điểm danh: bạn có mặt ở lớp “${topic}”. Cảm ơn bạn!`,
  checkinAgain: (topic: string) => `Bạn đã điểm danh lớp “${topic}” rồi.`,
  checkinBad: "Mã điểm danh không đúng hoặc chưa đến giờ điểm danh. Bạn kiểm tra lại với người tổ chức nhé.",
  attendanceTitle: "Các lớp của bạn (mã điểm danh cho người học gõ /diemdanh <mã>):",
  attendanceLine: (topic: string, when: string, code: string, going: number, present: number) =>
    `• ${topic} — ${when}: mã ${code}, đăng ký ${going}, có mặt ${present}`,
  noOwnClasses: "Bạn chưa có lớp nào trong thời gian này. Tạo lớp bằng /taolop.",
  attendeesButton: (n: number) => `Danh sách có mặt lớp ${n}`,
  attendees: (topic: string, names: string[]) =>
    `Có mặt ở lớp “${topic}”: ${names.length} người\n${names.map((n, i) => `${i + 1}. ${n || "(không tên)"}`).join("\n")}`,

  // /thongbao
  noticeText: "Gửi thông báo. Bước 1/3: bạn gõ nội dung thông báo (tối đa 5.000 ký tự).",
  noticeEmpty: "Thông báo đang trống. Bạn gõ nội dung nhé.",
  noticeTooLong: (max: number) => `Thông báo dài quá: tối đa ${max} ký tự.`,
  noticeAudience: "Bước 2/3: gửi cho ai? Chọn bên dưới, hoặc gõ số tổ dân phố (ví dụ: 5, 7).",
  audWard: "Cả phường",
  audTo: "Theo tổ dân phố",
  audGroup: "Một nhóm người học",
  audUncertified: "Người chưa có chứng nhận",
  audModule: "Người đang học một chủ đề",
  noticeTo: "Gõ số các tổ dân phố, ví dụ: 5, 7.",
  noticeGroup: "Chọn nhóm người học:",
  noticeModule: "Chọn chủ đề (gõ số thứ tự hoặc bấm):",
  noticeWhen: "Bước 3/3: gửi lúc nào? Bấm “Gửi ngay”, hoặc gõ ngày giờ, ví dụ: 20/12 08:00.",
  sendNow: "Gửi ngay",
  previewTitle: "Xem trước thông báo:",
  noticeSummary: (reach: number, audience: string, when: string, report: Unreachable) =>
    `Người nhận: ${reach} người (${audience}).${unreachableWarning(report)}\nThời gian gửi: ${when}.\n` +
    "Tin không gửi từ 21:00 đến 07:00, trừ khi bạn chọn “Gửi khẩn”.",
  send: "Gửi",
  sendUrgent: "Gửi khẩn (cả ban đêm)",
  nobody: "Không có ai trong nhóm người nhận này, nên mình không gửi. Bạn thử chọn nhóm khác nhé.",
  noticeQueued: (id: string, reach: number, when: string, report: Unreachable) =>
    `Đã xếp hàng thông báo ${id} tới ${reach} người, gửi ${when}.${unreachableWarning(report)}\n` +
    "Gõ /baocaogui để xem tình trạng.",
  nowWord: "ngay bây giờ",

  // /baocaogui
  noBroadcasts: "Chưa có thông báo nào.",
  broadcastsTitle: "Tình trạng gửi (mới nhất trước):",
  broadcastLine: (id: string, kind: string, status: string, total: number, c: DeliveryCounts) =>
    `• ${id} (${kind}, ${status}) — ${total} người: đã gửi ${c.sent}, lỗi ${c.failed}, ` +
    `không liên lạc được ${c.unreachable + c.outsideWindow}` +
    `${c.outsideWindow ? ` (${c.outsideWindow} ngoài thời hạn 48 giờ của Zalo OA)` : ""}, ` +
    `chờ gửi ${c.pending + c.sending}, không rõ ${c.ambiguous}`,
  statusLabels: { scheduled: "chờ gửi", sending: "đang gửi", done: "xong", cancelled: "đã dừng" } as Record<
    string,
    string
  >,
  kindLabels: {
    notice: "thông báo",
    class: "báo lớp",
    reminder: "nhắc lịch",
    seat: "báo có chỗ",
    review: "nhắc ôn tập",
  } as Record<string, string>,
  stopN: (id: string) => `Dừng gửi ${id}`,
  broadcastCancelled: (id: string) => `Đã dừng gửi ${id}. Những người chưa nhận sẽ không nhận nữa.`,
  broadcastNotCancelled: "Thông báo này đã gửi xong hoặc đã dừng.",
  /** The outbox label of a freed seat's message. */
  seatAudience: "1 người trong danh sách chờ",
  /** Appended to a notice's audit detail when sent as urgent. */
  urgentMark: " · khẩn",
  // describeAudience: "Tổ 5, Tổ 7 · Người dân · chưa có chứng nhận", or "cả phường"
  audienceWholeWard: "cả phường",
  audienceUncertified: "chưa có chứng nhận",
  audienceLearning: (module: string) => `đang học “${module}”`,
  ambiguousNote:
    "“Không rõ”: tin đang gửi đúng lúc máy chủ dừng đột ngột; mình không gửi lại để tránh gửi trùng.",
} as const;

/** The sentence for each way a typed date and time can be wrong. */
export function dateErrorText(error: "format" | "past" | "far" | "end-before-start"): string {
  const m = organizerMessages;
  return { format: m.dateFormat, past: m.datePast, far: m.dateFar, "end-before-start": m.dateEnd }[error];
}
