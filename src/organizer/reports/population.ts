import { z } from "zod";
import { populationErrors } from "../../catalog/reports.ts";
import { LEARNER_GROUPS, type LearnerGroup } from "../../knowledge/schema.ts";
import { parseToDanPho } from "../../learning/learner-store.ts";
import { fold } from "../../retrieval/normalize.ts";
import type { Store } from "../../storage/store.ts";
import { parseCsv } from "./csv-text.ts";

/** The ward's residents per tổ dân phố and learner group: the denominators of the report's percentages. */
export interface Population {
  tos: { to: string; byGroup: Record<LearnerGroup, number> }[];
  /** ISO time of the import. */
  importedAt: string;
}

export type PopulationImport =
  | { ok: true; population: Population }
  | { ok: false; errors: { line: number; message: string }[] };

/** CSV column of each learner group (header text is matched without accents, case or spacing). */
export const POPULATION_COLUMNS: Record<LearnerGroup | "to", string> = {
  to: "to_dan_pho",
  "nguoi-dan": "nguoi_dan",
  "hoc-sinh": "hoc_sinh",
  "can-bo": "can_bo",
  "lao-dong": "lao_dong",
};
const MAX_ROWS = 2000;
const MAX_PEOPLE = 1_000_000;

const countSchema = z
  .string()
  .trim()
  .transform((text) => (/^\d{1,3}([.,]\d{3})+$/.test(text) ? text.replace(/[.,]/g, "") : text))
  .pipe(z.string().regex(/^\d+$/, populationErrors.notACount))
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .max(MAX_PEOPLE, populationErrors.tooMany(MAX_PEOPLE.toLocaleString("vi-VN"))),
  );

const headerKey = (text: string) =>
  fold(text.trim().toLowerCase())
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * Reads the population CSV (template: scripts/templates/dan-so.csv): one row per tổ dân phố, one column per
 * learner group. Every problem is reported with its line, and nothing is imported unless all lines are valid.
 */
export function parsePopulationCsv(text: string, now: Date): PopulationImport {
  const { rows } = parseCsv(text);
  const lines = rows.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim()));
  const header = lines.shift();
  if (!header) return { ok: false, errors: [{ line: 1, message: populationErrors.empty }] };
  const keys = header.cells.map(headerKey);
  const missing = Object.values(POPULATION_COLUMNS).filter((c) => !keys.includes(c));
  if (missing.length)
    return {
      ok: false,
      errors: [{ line: header.line, message: populationErrors.missingColumns(missing.join(", ")) }],
    };
  if (!lines.length) return { ok: false, errors: [{ line: header.line, message: populationErrors.noRows }] };
  if (lines.length > MAX_ROWS)
    return { ok: false, errors: [{ line: MAX_ROWS + 2, message: populationErrors.tooManyRows(MAX_ROWS) }] };

  const { tos, errors } = parseRows(lines, keys);
  if (errors.length) return { ok: false, errors };
  return { ok: true, population: { tos, importedAt: now.toISOString() } };
}

/** One tổ per line with its count per group; every problem with its line (a tổ listed twice is one). */
function parseRows(lines: { line: number; cells: string[] }[], keys: string[]) {
  const errors: { line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const tos: Population["tos"] = [];
  for (const { line, cells } of lines) {
    const cell = (column: string) => cells[keys.indexOf(column)] ?? "";
    const rawTo = cell(POPULATION_COLUMNS.to).trim();
    const to = parseToDanPho(rawTo);
    if (!to) {
      errors.push({ line, message: populationErrors.unreadableTo(rawTo.slice(0, 40)) });
      continue;
    }
    const first = seen.get(to);
    if (first) {
      errors.push({ line, message: populationErrors.duplicateTo(to, first) });
      continue;
    }
    seen.set(to, line);
    const byGroup = {} as Record<LearnerGroup, number>;
    for (const group of LEARNER_GROUPS) {
      const column = POPULATION_COLUMNS[group];
      const parsed = countSchema.safeParse(cell(column));
      if (parsed.success) byGroup[group] = parsed.data;
      else
        errors.push({
          line,
          message: populationErrors.badCell(
            column,
            cell(column).slice(0, 20),
            parsed.error.issues[0]?.message,
          ),
        });
    }
    tos.push({ to, byGroup });
  }
  return { tos, errors };
}

const KEY = "report:population";

/** Saves and reads the imported population (one JSON value; an import replaces the previous one). */
export class PopulationStore {
  constructor(private readonly store: Store) {}

  async save(population: Population): Promise<void> {
    await this.store.set(KEY, JSON.stringify(population));
  }

  async load(): Promise<Population | null> {
    const raw = await this.store.get(KEY);
    return raw ? (JSON.parse(raw) as Population) : null;
  }
}
