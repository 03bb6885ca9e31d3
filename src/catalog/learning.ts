/** What the learner records are labelled with in Vietnamese: the learner groups and the tổ dân phố. */

/** How each learner group is named to people (onboarding, certificates, the organizers' menus). */
export const groupLabels = {
  "can-bo": "Cán bộ, công chức, viên chức",
  "hoc-sinh": "Học sinh",
  "lao-dong": "Người lao động (doanh nghiệp, HTX)",
  "nguoi-dan": "Người dân",
} as const;

export const toDanPhoWords = {
  /** The row of learners who gave no tổ dân phố. */
  undeclared: "Chưa khai báo tổ",
  /** How a tổ given by its number is written: "Tổ 5". */
  numbered: (n: number) => `Tổ ${n}`,
  /** The word a tổ's own name starts with, capitalised. */
  prefix: "Tổ",
} as const;
