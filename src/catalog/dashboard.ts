/**
 * What the organizers' web dashboard (/quan-tri) says: the frame of every page, the error pages, login,
 * local contacts, the population import and the report routes. Plain text only: the markup and the
 * escaping stay in src/http/dashboard/.
 */

/** A page with one message: its title and what it says. */
export interface MessageText {
  title: string;
  message: string;
}

/** The frame around every dashboard page. */
export const dashboardFrame = {
  brand: "Bình dân học vụ số — Quản trị",
  /** Before the signed-in organizer's tổ or "cả phường" (also above the report). */
  scope: "Phạm vi",
  logout: "Đăng xuất",
  /** The link back from every message page. */
  backToDashboard: "Về bảng số liệu",
  /** A population file over the limit, in the browser (the upload script) and on the server. */
  fileTooLarge: "Tệp quá lớn (tối đa 1 MB).",
} as const;

/** The error pages of the dashboard, by cause. */
export const dashboardErrors = {
  /** 413: the body is over the route's limit. */
  tooLarge: { title: "Tệp quá lớn", message: "Dữ liệu gửi lên quá lớn. Tệp dân số tối đa 1 MB." },
  /** Any other 4xx from the framework. */
  badRequest: {
    title: "Yêu cầu không hợp lệ",
    message: "Trình duyệt gửi dữ liệu không đúng dạng. Vui lòng thử lại.",
  },
  /** 500: the store or the report failed. */
  unavailable: {
    title: "Tạm thời chưa lấy được số liệu",
    message: "Hệ thống đang bận hoặc đang bảo trì. Vui lòng thử lại sau ít phút.",
  },
  notFound: { title: "Không có trang này", message: "Địa chỉ này không có trong bảng số liệu." },
  /** A POST from another site. */
  foreignPost: {
    title: "Yêu cầu bị từ chối",
    message: "Biểu mẫu này chỉ gửi được từ chính trang quản trị.",
  },
  /** A POST whose body is not the form encoding. */
  notAForm: { title: "Yêu cầu không hợp lệ", message: "Trình duyệt gửi dữ liệu không đúng dạng." },
} as const satisfies Record<string, MessageText>;

/** The login page. */
export const loginText = {
  pageTitle: "Đăng nhập — Bảng số liệu Bình dân học vụ số",
  heading: "Đăng nhập bảng số liệu",
  /** The command to type, shown in bold. */
  command: "/quantri",
  /** `command` comes marked up. */
  howToGetCode: (command: string) => `Gõ ${command} cho trợ lý trên Telegram hoặc Zalo để nhận mã đăng nhập.`,
  codeRules: "Mã gồm 8 ký tự, dùng được một lần trong 10 phút. Phiên đăng nhập kéo dài 8 giờ.",
  codeLabel: "Mã đăng nhập",
  submit: "Đăng nhập",
  problems: {
    "wrong-code": "Mã không đúng hoặc đã hết hạn. Hãy gõ /quantri để nhận mã mới.",
    "not-organizer": "Tài khoản này không còn quyền tổ chức nên không xem được bảng số liệu.",
    "too-many": "Bạn đã thử quá nhiều lần. Vui lòng đợi 10 phút rồi thử lại.",
  },
} as const;

/** The local contacts page (/quan-tri/lien-he). */
export const contactsText = {
  pageTitle: "Thông tin liên hệ — Bình dân học vụ số",
  heading: "Thông tin liên hệ tại phường",
  hint:
    "Khi trợ lý khuyên người dân đến một nơi dưới đây, nó kèm thông tin bạn ghi. Để trống thì trợ lý chỉ " +
    "khuyên hỏi Tổ công nghệ số cộng đồng. Chỉ ghi thông tin chính cơ quan đã công bố.",
  save: "Lưu",
  saved: "Đã lưu. Từ giờ, câu trả lời nào chỉ người dân đến các nơi này sẽ kèm thông tin trên.",
  notWardScope: "Chỉ người tổ chức phụ trách cả phường mới sửa được thông tin liên hệ.",
  notSaved: (names: string[]) => `Chưa lưu được: ${names.join(", ")}. Hãy kiểm tra lại cách ghi.`,
  /** The placeholder of a contact's field, by the kind of contact. */
  placeholders: {
    place: "Địa chỉ và giờ làm việc, ví dụ: Số 1 đường …, sáng 7h30–11h30",
    phone: "Số điện thoại do chính cơ quan công bố",
    url: "Địa chỉ trang, ví dụ: phuong….gov.vn",
  },
} as const;

/** The population import: the form under the report and the page after an import. */
export const populationText = {
  pageTitle: "Nhập dân số — Bình dân học vụ số",
  heading: "Nhập dân số",
  formHeading: "Nhập dân số theo tổ dân phố",
  hint: "Dân số của từng tổ, chia theo nhóm, là mẫu số để tính các tỷ lệ. Nhập lại sẽ thay toàn bộ bảng cũ.",
  sampleFile: "Tải tệp mẫu (CSV)",
  chooseFile: "Chọn tệp CSV",
  fileContents: "Nội dung tệp CSV",
  submit: "Nhập dân số",
  imported: (count: number) => `Đã nhập ${count} tổ dân phố.`,
  notImported: "Chưa nhập được: hãy sửa các dòng dưới đây rồi gửi lại. Bảng dân số cũ vẫn giữ nguyên.",
  /** One problem of the file; `message` comes escaped. */
  lineProblem: (line: number, message: string) => `Dòng ${line}: ${message}`,
  moreProblems: (count: number) => `… và ${count} lỗi khác.`,
  notWardScope: {
    title: "Không có quyền nhập dân số",
    message: "Chỉ người tổ chức phụ trách cả phường mới nhập được bảng dân số.",
  },
} as const;

/** The report routes: a period that cannot be used. */
export const reportRangeText = {
  downloadFailed: "Chưa tải được báo cáo",
  endBeforeStart: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.",
  unreadableDate: (text: string) =>
    `Không đọc được ngày "${text}". Hãy chọn ngày trong ô lịch (ngày/tháng/năm).`,
} as const;
