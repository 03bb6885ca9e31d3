import { targetMeasures } from "../../catalog/reports.ts";
import type { LearnerGroup } from "../../knowledge/schema.ts";
import type { MeasurableTarget, WardTarget } from "../../knowledge/ward-schema.ts";
import type { IndicatorRow } from "./indicator-row.ts";

/** How one measurable target is counted; its share and wording come from the ward profile (ward.yaml). */
interface TargetMeasure {
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
const certifiedOf = (group: LearnerGroup): Pick<TargetMeasure, "numerator" | "denominator"> => ({
  numerator: (r) => r.group[group].certified,
  denominator: (r) => r.group[group].population,
});

/** How each target of section III of a ward's plan is measured from learning records. */
const MEASURES: Record<MeasurableTarget, TargetMeasure> = {
  "nguoi-truong-thanh": {
    measure: targetMeasures["nguoi-truong-thanh"],
    numerator: (r) => sum(r, ADULTS, (x) => x.certified) ?? 0,
    denominator: (r) => sum(r, ADULTS, (x) => x.population),
  },
  "can-bo": {
    measure: targetMeasures["can-bo"],
    ...certifiedOf("can-bo"),
  },
  "hoc-sinh": {
    measure: targetMeasures["hoc-sinh"],
    ...certifiedOf("hoc-sinh"),
  },
  "lao-dong": {
    measure: targetMeasures["lao-dong"],
    ...certifiedOf("lao-dong"),
  },
  "can-bo-ai": {
    measure: targetMeasures["can-bo-ai"],
    numerator: (r) => r.group["can-bo"].aiPassed,
    denominator: (r) => r.group["can-bo"].population,
  },
  "nguoi-hoc-ai": {
    measure: targetMeasures["nguoi-hoc-ai"],
    numerator: (r) => r.total.aiPassed,
    denominator: (r) => r.total.registered,
  },
};

/** Each target next to the measured value, the gap in percentage points and the people still needed. */
export function evaluateTargets(
  total: IndicatorRow,
  groups: (IndicatorRow & { group: LearnerGroup })[],
  targets: readonly WardTarget[],
): TargetResult[] {
  const rows: Rows = {
    total,
    group: Object.fromEntries(groups.map((g) => [g.group, g])) as unknown as Record<
      LearnerGroup,
      IndicatorRow
    >,
  };
  return targets.map(({ id, label, share, kind }) => {
    const t = { ...MEASURES[id], id, label, target: share, kind };
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
