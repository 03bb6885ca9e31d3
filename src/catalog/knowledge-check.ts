/**
 * What `npm run knowledge:check` (and loading the knowledge folder) tells the authors of lessons, quizzes and
 * the ward profile, in Vietnamese: each message names one problem in one field of one file.
 */

/** Field shapes the schemas ask for. */
export const fieldShapes = {
  slug: "chữ thường không dấu, nối bằng gạch ngang",
  lessonId: "dạng module/bai-hoc",
  isoDate: "ngày dạng YYYY-MM-DD",
  oneSentence: "chỉ một câu",
  quizId: "dạng <module>-NN",
  dayMonth: "dạng ngày/tháng, ví dụ 20/5",
} as const;

/** Reading the files. */
export const loadProblems = {
  /** The field named when the whole file is the problem. */
  wholeFile: "(tệp)",
  /** The field named when the file's top level is the problem. */
  root: "(gốc)",
  noFrontMatter: "thiếu phần đầu --- … --- (front matter)",
  duplicateId: (id: string, otherFile: string | undefined) => `trùng id "${id}" với ${otherFile}`,
  fileMissing: "không tìm thấy tệp",
  invalidYaml: (firstLine: string | undefined) => `YAML không hợp lệ: ${firstLine}`,
  /** What stands in for the ward's name while ward.yaml cannot be read (the problem is reported). */
  unnamedWard: "phường",
} as const;

/** Modules, lessons, answer cards and learning paths. */
export const curriculumProblems = {
  moduleMissing: (slug: string) => `thiếu module "${slug}"`,
  moduleNotInOutline: (slug: string) => `module "${slug}" không có trong đề cương`,
  duplicate: (slug: string) => `trùng "${slug}"`,
  listedTwice: (slug: string) => `"${slug}" có hai lần`,
  noSuchLesson: (id: string) => `không có bài "${id}"`,
  notInLessonOrder: (module: string) =>
    `chưa có chỗ trong thứ tự bài của module (modules.yaml, "${module}".lessons)`,
  noSuchModule: (slug: string) => `module không tồn tại "${slug}"`,
  noSuchModuleHere: "module không tồn tại",
  idPrefix: (id: string, module: string) => `id "${id}" phải bắt đầu bằng "${module}/"`,
  idNotFileName: (id: string) => `id "${id}" không khớp tên tệp (lessons/${id}.md)`,
  wordCount: (words: number, min: number, max: number) => `${words} từ, cần ${min}–${max}`,
  recapLast: 'phải kết thúc bằng mục "## Ghi nhớ"',
  recapBullets: 'mục "Ghi nhớ" phải là danh sách gạch đầu dòng',
  numberedSteps: "bài hướng dẫn cần các bước đánh số (1. 2. 3.)",
  practiceNeeded: "bài hướng dẫn cần một bài thực hành",
  tooFewAsks: (count: number, min: number) => `${count} câu người dân hay hỏi, cần ít nhất ${min}`,
  noSuchSection: "không có mục nào tên như vậy",
  recapTakesNoAsks: 'mục "Ghi nhớ" không nhận câu hỏi',
  askTwice: (ask: string, otherFile: string) => `"${ask}" trùng với ${otherFile}`,
  cardForNoAsk: (ask: string) => `"${ask}" không có trong asks của bài`,
  quoteNotInLesson: (quote: string) => `"${quote}" không có nguyên văn trong bài`,
  quoteNotAUnit: (quote: string) =>
    `"${quote}" không phải trọn một câu, một bước hay một gạch đầu dòng của bài (kể cả dấu *): câu trả lời sẽ không dùng được`,
  sectionWithoutAnswer: (heading: string) => `mục "${heading}" chưa nói nó trả lời điều gì`,
  copiedFromEval: (text: string) => `"${text}" là nguyên văn một câu trong bộ đánh giá: hãy viết câu khác`,
  requiredModuleMissing: (slug: string) => `thiếu module bắt buộc "${slug}"`,
  alreadyRequired: (slug: string) => `"${slug}" đã là bắt buộc`,
  outlineLessonMissing: (id: string) => `thiếu bài "${id}" của đề cương`,
} as const;

/** Quizzes. */
export const quizProblems = {
  tooFewInModule: (count: number, min: number) => `${count} câu hỏi, cần ít nhất ${min}`,
  longestIsCorrect: (percent: number, max: number) =>
    `${percent}% câu có đáp án đúng là lựa chọn dài nhất (tối đa ${max}%): đoán "câu dài nhất" là qua`,
  tooFewForLesson: (lesson: string, count: number, min: number) =>
    `bài "${lesson}" có ${count} câu hỏi, cần ít nhất ${min}`,
  noSuchModule: (module: string) => `module không tồn tại "${module}"`,
  noSuchLesson: (lesson: string) => `bài học không tồn tại "${lesson}"`,
  lessonOfOtherModule: (lesson: string, module: string) => `bài "${lesson}" không thuộc module "${module}"`,
  correctCount: (count: number) => `cần đúng một đáp án đúng, đang có ${count}`,
  duplicateId: (id: string, otherFile: string | undefined) => `trùng id "${id}" với ${otherFile}`,
  duplicateQuestion: (other: string | undefined) => `trùng câu hỏi với ${other}`,
  sameOptionTwice: "có hai lựa chọn giống nhau",
} as const;

/** Contacts mentioned in lessons and quizzes. */
export const contactProblems = {
  unlistedHost: (host: string) => `địa chỉ web "${host}" không có trong contacts.yaml`,
  unlistedPhone: (phone: string) => `số điện thoại "${phone}" không có trong contacts.yaml`,
} as const;
