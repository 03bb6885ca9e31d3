/**
 * What the ward report says in Vietnamese: its titles, column and row names, notes, the chat summary's
 * sentences, the export labels and the population import's errors. Every output (bot, dashboard, CSV, Excel)
 * shows these same words.
 */

/** The columns of a tổ's or a group's row, in the plan's order. */
export const rowColumns = {
  population: "Dân số",
  registered: "Đã đăng ký học",
  newInPeriod: "Đăng ký mới trong kỳ",
  active30: "Hoạt động 30 ngày qua",
  lessonsRead: "Bài học đã đọc",
  modulePasses: "Lượt đạt học phần",
  certified: "Có chứng nhận",
  certifiedShare: "Có chứng nhận (% dân số)",
  aiPassed: "Đạt học phần AI",
  aiPassedShare: "Đạt học phần AI (% người học)",
  classesHeld: "Buổi học",
  attendance: "Lượt điểm danh",
} as const;

/** The rows of the activity table. */
export const activityRows = {
  classesHeld: "Buổi học đã tổ chức",
  attendance: "Lượt điểm danh",
  noticesSent: "Thông báo đã gửi",
  noticesDelivered: "Lượt nhận thông báo thành công",
  noticeRecipients: "Lượt người nhận theo danh sách",
} as const;

/** The columns of the targets table (the dashboard finds its cells by these too). */
export const targetColumns = {
  indicator: "Chỉ tiêu",
  target: "Mục tiêu (%)",
  method: "Cách tính",
  met: "Số người đạt",
  outOf: "Trên tổng số",
  percent: "Tỷ lệ (%)",
  gap: "Còn thiếu (điểm %)",
  needed: "Cần thêm (người)",
  verdict: "Đánh giá",
} as const;

export const reportWords = {
  title: "Báo cáo kết quả Phong trào Bình dân học vụ số",
  period: (from: string, to: string) => `từ ${from} đến ${to}`,
  /** A cell whose percentage cannot be computed yet. */
  noPopulation: "chưa có dân số",
  wholeWard: "Toàn phường",
  /** The total row of an organizer who looks after some tổ, not the ward. */
  totalOfTos: "Tổng các tổ phụ trách",
  notes: {
    populationMissing: "Chưa nhập dân số theo tổ dân phố: chưa tính được tỷ lệ trên dân số.",
    tosWithoutPopulation: (tos: string) => `Có người học ở tổ chưa có trong bảng dân số: ${tos}.`,
    smallCells: (mark: string) => `Ô dưới 5 người ghi "${mark}" để không lộ thông tin cá nhân.`,
    /** "Hạn nộp báo cáo (mục VII của Kế hoạch): Báo cáo 6 tháng trước ngày 20/5; Báo cáo năm trước ngày 20/11." */
    deadlines: (deadlines: readonly { report: string; before: string }[]) =>
      `Hạn nộp báo cáo (mục VII của Kế hoạch): ${deadlines.map((d) => `${d.report} trước ngày ${d.before}`).join("; ")}.`,
  },
  targets: {
    title: "Chỉ tiêu (mục III của Kế hoạch)",
    columns: [
      targetColumns.indicator,
      targetColumns.target,
      targetColumns.method,
      targetColumns.met,
      targetColumns.outOf,
      targetColumns.percent,
      targetColumns.gap,
      targetColumns.needed,
      targetColumns.verdict,
    ],
    /** The goal of a target that asks for more than a share ("trên 80"). */
    above: (percent: number) => `trên ${percent}`,
    met: "Đạt",
    notMet: "Chưa đạt",
    noData: "Chưa có số liệu",
  },
  byTo: { title: "Theo tổ dân phố", labelColumn: "Tổ dân phố" },
  byGroup: { title: "Theo nhóm người học", labelColumn: "Nhóm" },
  activity: { title: "Lớp học và thông báo", columns: ["Nội dung", "Số lượng"] },
  trend: { title: "Theo tháng (lũy kế)", monthColumn: "Tháng" },
} as const;

/** How each target of section III of a ward's plan is measured, as the report's "Cách tính" column says it. */
export const targetMeasures = {
  "nguoi-truong-thanh": "có chứng nhận / dân số trưởng thành (người dân, cán bộ, lao động)",
  "can-bo": "cán bộ có chứng nhận / số cán bộ",
  "hoc-sinh": "học sinh có chứng nhận / số học sinh",
  "lao-dong": "người lao động có chứng nhận / số người lao động",
  "can-bo-ai": "cán bộ đạt học phần Trí tuệ nhân tạo / số cán bộ",
  "nguoi-hoc-ai": "người học đạt học phần Trí tuệ nhân tạo / người đã đăng ký học",
} as const;

/** The sentences of the short summary an organizer gets in the chat (/baocao). */
export const reportTextWords = {
  targetsHeading: "Chỉ tiêu của Kế hoạch (mục III):",
  byToHeading: "Theo tổ dân phố:",
  fewerThanFive: (over: string) => `dưới 5 người trên tổng ${over}`,
  met: "ĐẠT",
  gap: (points: string, people: string) => `còn thiếu ${points} điểm %, cần thêm ${people} người`,
  target: (label: string, value: string, goal: string, verdict: string) =>
    `• ${label}: ${value}. Mục tiêu ${goal}% — ${verdict}.`,
  /** " (15,8% dân số)" after a share of the population. */
  ofPopulation: "dân số",
  people: (registered: string, certified: string, certifiedShare: string, active: string) =>
    `${registered} đăng ký học, ${certified} có chứng nhận${certifiedShare}, ${active} hoạt động 30 ngày qua`,
  learning: (lessonsRead: string, modulePasses: string, aiPassed: string) =>
    `${lessonsRead} bài học đã đọc, ${modulePasses} lượt đạt học phần, ${aiPassed} người đạt học phần AI.`,
  activity: (held: string, attendance: string, sent: string, delivered: string) =>
    `Lớp học: ${held} buổi, ${attendance} lượt điểm danh. Thông báo: ${sent}, ${delivered} lượt nhận thành công.`,
} as const;

/** The labels of the CSV and Excel exports. */
export const exportWords = {
  scope: "Phạm vi",
  period: "Kỳ báo cáo",
  note: "Ghi chú",
  /** A label and its value on one line (the Excel heading block). */
  labelled: (label: string, value: string) => `${label}: ${value}`,
  /** The worksheet of each table (Excel allows at most 31 characters and none of []:*?/\). */
  sheets: {
    targets: "Chỉ tiêu",
    byTo: "Theo tổ dân phố",
    byGroup: "Theo nhóm",
    activity: "Lớp học và thông báo",
    trend: "Theo tháng",
  },
} as const;

/** The population import's errors, each shown with its line. */
export const populationErrors = {
  notACount: "phải là số nguyên không âm",
  tooMany: (max: string) => `không quá ${max}`,
  empty: "Tệp trống: cần dòng tiêu đề và ít nhất một tổ.",
  missingColumns: (columns: string) => `Thiếu cột: ${columns}.`,
  noRows: "Chưa có dòng tổ dân phố nào.",
  tooManyRows: (max: number) => `Quá ${max} dòng.`,
  unreadableTo: (raw: string) => `Không đọc được tên tổ dân phố "${raw}".`,
  duplicateTo: (to: string, firstLine: number) => `${to} bị trùng (đã có ở dòng ${firstLine}).`,
  badCell: (column: string, value: string, problem: string | undefined) =>
    `Cột ${column} = "${value}": ${problem ?? "không hợp lệ"}.`,
} as const;
