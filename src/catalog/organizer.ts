/** What the organizer side writes in Vietnamese into its records: stand-ins, scope and audience labels. */
export const organizerWords = {
  /** Stands in for the creator of a record, or the actor of an audit entry, once that person is erased. */
  erasedPerson: "(đã xóa)",
  /** The tổ counted for a check-in by someone who never said which tổ they live in. */
  unknownTo: "(không rõ)",
  /** An organizer's scope when it is the whole ward. */
  wholeWard: "cả phường",
  /** Who a review reminder goes to, as the outbox lists it. */
  reviewAudience: "người học có câu cần ôn hôm nay",
  /** Who a class reminder goes to, as the outbox lists it. */
  classAudience: (classId: string) => `người đăng ký lớp ${classId}`,
  /** "19:30 ngày 20/12/2026" from its two halves. */
  timeOnDay: (time: string, day: string) => `${time} ngày ${day}`,
} as const;
