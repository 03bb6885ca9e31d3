/** One row of the report (the ward, a tổ dân phố or a learner group), raw numbers before suppression. */
export interface IndicatorRow {
  label: string;
  /** Residents per the imported population; null when none was imported for this row. */
  population: number | null;
  /** People registered (consent given) by the end of the period. */
  registered: number;
  /** People who registered within the period. */
  newInPeriod: number;
  /** People who used the assistant in the 30 days up to the end of the period. */
  active30: number;
  /** Lessons first read within the period (count of lessons, not people). */
  lessonsRead: number;
  /** Module quizzes first passed within the period (count of passes). */
  modulePasses: number;
  /** People holding a valid certificate at the end of the period. */
  certified: number;
  /** People who passed the AI module by the end of the period. */
  aiPassed: number;
  /** Classes held within the period for this tổ or group (ward-wide classes count on the ward row only). */
  classesHeld: number;
  /** Check-ins at those classes by people of this row. */
  attendance: number;
}
