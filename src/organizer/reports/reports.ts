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
  produce(
    range: ReportRange,
    scope: Scope,
    now: Date,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ProducedReport>;
}

export function createReports(store: Store): Reports {
  const population = new PopulationStore(store);
  return {
    async importPopulation(csv, now) {
      const result = parsePopulationCsv(csv, now);
      if (result.ok) await population.save(result.population);
      return result;
    },
    async produce(range, scope, now, onProgress) {
      const raw = computeReport(await collectSnapshot(store, onProgress), range, scope, now);
      return { raw, presented: presentReport(raw, scope.ward ? "Toàn phường" : describeScope(scope)) };
    },
  };
}
