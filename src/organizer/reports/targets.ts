import type { LearnerGroup } from "../../knowledge/schema.ts";
import type { IndicatorRow } from "./indicators.ts";

/** A target of the plan's section III that the assistant's records can measure. */
interface TargetDefinition {
  id: string;
  /** The target as the plan words it, shortened. */
  label: string;
  /** Share to reach, 0–1. */
  target: number;
  /** "above": the plan says "trên" (strictly more than); "reach": at least. */
  kind: "above" | "reach";
  /** What is counted, over what. */
  measure: string;
  numerator(rows: Rows): number;
  denominator(rows: Rows): number | null;
}

export interface TargetResult {
  id: string;
  label: string;
  measure: string;
  target: number;
  kind: "above" | "reach";
  numerator: number;
  denominator: number | null;
  /** numerator / denominator; null without a denominator. */
  value: number | null;
  met: boolean | null;
  /** Percentage points still missing (0 when met); null without a denominator. */
  gapPoints: number | null;
  /** People still needed to meet the target (0 when met). */
  peopleNeeded: number | null;
}

interface Rows {
  total: IndicatorRow;
  group: Record<LearnerGroup, IndicatorRow>;
}

const ADULTS: LearnerGroup[] = ["nguoi-dan", "can-bo", "lao-dong"];
const sum = (rows: Rows, groups: LearnerGroup[], pick: (r: IndicatorRow) => number | null) => {
  const values = groups.map((g) => pick(rows.group[g]));
  return values.some((v) => v === null) ? null : values.reduce<number>((n, v) => n + (v ?? 0), 0);
};
const certifiedOf = (group: LearnerGroup): Pick<TargetDefinition, "numerator" | "denominator"> => ({
  numerator: (r) => r.group[group].certified,
  denominator: (r) => r.group[group].population,
});

/** Section III of the ward's plan, as far as learning records can show it. */
export const PLAN_TARGETS: readonly TargetDefinition[] = [
  {
    id: "nguoi-truong-thanh",
    label: "Người dân trưởng thành được xác nhận đạt phổ cập kỹ năng số",
    target: 0.9,
    kind: "above",
    measure: "có chứng nhận / dân số trưởng thành (người dân, cán bộ, lao động)",
    numerator: (r) => sum(r, ADULTS, (x) => x.certified) ?? 0,
    denominator: (r) => sum(r, ADULTS, (x) => x.population),
  },
  {
    id: "can-bo",
    label: "Cán bộ, công chức, viên chức có kiến thức, kỹ năng số",
    target: 1,
    kind: "reach",
    measure: "cán bộ có chứng nhận / số cán bộ",
    ...certifiedOf("can-bo"),
  },
  {
    id: "hoc-sinh",
    label: "Học sinh được trang bị kiến thức, kỹ năng số",
    target: 1,
    kind: "reach",
    measure: "học sinh có chứng nhận / số học sinh",
    ...certifiedOf("hoc-sinh"),
  },
  {
    id: "lao-dong",
    label: "Người lao động trong doanh nghiệp, hợp tác xã có kỹ năng số",
    target: 1,
    kind: "reach",
    measure: "người lao động có chứng nhận / số người lao động",
    ...certifiedOf("lao-dong"),
  },
  {
    id: "can-bo-ai",
    label: "Cán bộ, công chức được tập huấn sử dụng công cụ AI",
    target: 0.8,
    kind: "reach",
    measure: "cán bộ đạt học phần Trí tuệ nhân tạo / số cán bộ",
    numerator: (r) => r.group["can-bo"].aiPassed,
    denominator: (r) => r.group["can-bo"].population,
  },
  {
    id: "nguoi-hoc-ai",
    label: "Người dân tham gia học biết sử dụng tối thiểu 01 công cụ AI",
    target: 0.6,
    kind: "reach",
    measure: "người học đạt học phần Trí tuệ nhân tạo / người đã đăng ký học",
    numerator: (r) => r.total.aiPassed,
    denominator: (r) => r.total.registered,
  },
];

/** Each target next to the measured value, the gap in percentage points and the people still needed. */
export function evaluateTargets(
  total: IndicatorRow,
  groups: (IndicatorRow & { group: LearnerGroup })[],
): TargetResult[] {
  const rows: Rows = {
    total,
    group: Object.fromEntries(groups.map((g) => [g.group, g])) as unknown as Record<
      LearnerGroup,
      IndicatorRow
    >,
  };
  return PLAN_TARGETS.map((t) => {
    const numerator = t.numerator(rows);
    const denominator = t.denominator(rows) || null;
    const value = denominator ? numerator / denominator : null;
    const required =
      denominator === null
        ? null
        : t.kind === "above"
          ? Math.floor(t.target * denominator) + 1
          : Math.ceil(t.target * denominator - 1e-9);
    const met = required === null ? null : numerator >= required;
    return {
      id: t.id,
      label: t.label,
      measure: t.measure,
      target: t.target,
      kind: t.kind,
      numerator,
      denominator,
      value,
      met,
      gapPoints: value === null ? null : met ? 0 : Math.max(0.1, Math.round((t.target - value) * 1000) / 10),
      peopleNeeded: required === null ? null : Math.max(0, required - numerator),
    };
  });
}
