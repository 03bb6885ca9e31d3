import { reportWords } from "../../catalog/reports.ts";
import type { WardProfile } from "../../knowledge/ward-schema.ts";
import type { Store } from "../../storage/store.ts";
import type { Scope } from "../audience.ts";
import { describeScope } from "../roles.ts";
import { computeReport, type WardReport } from "./indicators.ts";
import { type PopulationImport, PopulationStore, parsePopulationCsv } from "./population.ts";
import { type PresentedReport, presentReport } from "./present.ts";
import type { ReportRange } from "./range.ts";
import { collectSnapshot } from "./snapshot.ts";

export interface ProducedReport {
  /** Raw numbers (never shown as they are: small cells are not yet suppressed). */
  raw: WardReport;
  /** What every output shows. */
  presented: PresentedReport;
}

/** The ward's reports: population import and indicator reports for a period and an organizer's scope. */
export interface Reports {
  /** Validates and, when every line is valid, replaces the stored population. */
  importPopulation(csv: string, now: Date): Promise<PopulationImport>;
  /** Reads the counts kept per tổ, group and day (O(cells × months)), never every learner. */
  produce(range: ReportRange, scope: Scope, now: Date): Promise<ProducedReport>;
}

export function createReports(
  store: Store,
  ward: Pick<WardProfile, "targets" | "report_deadlines">,
): Reports {
  const population = new PopulationStore(store);
  return {
    async importPopulation(csv, now) {
      const result = parsePopulationCsv(csv, now);
      if (result.ok) await population.save(result.population);
      return result;
    },
    async produce(range, scope, now) {
      const raw = computeReport(await collectSnapshot(store, range, scope), range, scope, now, ward.targets);
      const presented = presentReport(raw, scope.ward ? reportWords.wholeWard : describeScope(scope));
      if (ward.report_deadlines.length) presented.notes.push(deadlinesNote(ward.report_deadlines));
      return { raw, presented };
    },
  };
}

/** "Hạn nộp báo cáo (mục VII của Kế hoạch): Báo cáo 6 tháng trước ngày 20/5; Báo cáo năm trước ngày 20/11." */
export function deadlinesNote(deadlines: WardProfile["report_deadlines"]): string {
  return reportWords.notes.deadlines(deadlines);
}
