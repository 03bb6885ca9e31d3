/**
 * npm run report -- [--from 01/01/2026] [--to 30/06/2026] [--out bao-cao.xlsx|bao-cao.csv] [--population dan-so.csv]
 * The whole ward's report for a period: the chat summary on stdout, the full tables in an Excel or CSV file.
 * `--population` first imports the residents per tổ dân phố (nothing is imported when a line is wrong).
 * Exit codes: 0 done, 1 bad population file or failure, 2 bad usage. Progress goes to stderr.
 * With the embedded store (no REDIS_URL) stop the server first: two processes must not share data/store.
 */

import { readFile, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { loadConfig } from "../src/config/load-config.ts";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { reportCsv } from "../src/organizer/reports/export-csv.ts";
import { reportXlsx } from "../src/organizer/reports/export-xlsx.ts";
import {
  formatDay,
  parseReportDate,
  parseReportRange,
  type ReportRange,
} from "../src/organizer/reports/range.ts";
import { reportText } from "../src/organizer/reports/report-text.ts";
import { createReports } from "../src/organizer/reports/reports.ts";
import { vietnamDate } from "../src/shared/vietnam-time.ts";
import { openStore } from "../src/storage/open-store.ts";

const USAGE = `Cách dùng: npm run report -- [--from 01/01/2026] [--to 30/06/2026] [--out bao-cao.xlsx|bao-cao.csv] [--population dan-so.csv]
  --from, --to   kỳ báo cáo, DD/MM/YYYY hoặc YYYY-MM-DD (mặc định: từ 01/01 năm nay đến hôm nay)
  --out          ghi đủ các bảng ra tệp Excel (.xlsx) hoặc CSV (.csv)
  --population   nhập dân số theo tổ dân phố trước khi lập báo cáo (mẫu: scripts/templates/dan-so.csv)
Khi không dùng Redis (không có REDIS_URL), hãy dừng máy chủ trước khi chạy báo cáo.`;

/** Bad input from the person running the script: one line, exit 2. */
class UsageError extends Error {}
/** An expected failure (a file that cannot be read or written): one line, exit 1. */
class ReadableError extends Error {}

const OPTIONS = { "--from": "from", "--to": "to", "--out": "out", "--population": "population" } as const;
type Options = Partial<Record<(typeof OPTIONS)[keyof typeof OPTIONS], string>> & { help?: boolean };

function parseOptions(args: string[]): Options {
  const options: Options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = OPTIONS[flag as keyof typeof OPTIONS];
    if (!key)
      throw new UsageError(arg.startsWith("-") ? `Không có tùy chọn ${flag}.` : `Không hiểu "${arg}".`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (!value?.trim() || (eq < 0 && value.startsWith("--")))
      throw new UsageError(`Thiếu giá trị sau ${flag}.`);
    options[key] = value.trim();
  }
  return options;
}

function rangeOf(options: Options, now: Date): ReportRange {
  const result = parseReportRange(options.from, options.to, now);
  if (result.ok) return result.range;
  if (result.error === "format")
    throw new UsageError(`Không đọc được ngày "${result.text}": hãy viết DD/MM/YYYY, ví dụ 30/06/2026.`);
  const from = (options.from && parseReportDate(options.from)) || `${vietnamDate(now).slice(0, 4)}-01-01`;
  const to = (options.to && parseReportDate(options.to)) || vietnamDate(now);
  throw new UsageError(`Ngày kết thúc (${formatDay(to)}) trước ngày bắt đầu (${formatDay(from)}).`);
}

function formatOf(out: string): "csv" | "xlsx" {
  const ext = extname(out).toLowerCase();
  if (ext === ".csv" || ext === ".xlsx") return ext.slice(1) as "csv" | "xlsx";
  throw new UsageError(`Tệp kết quả phải có đuôi .xlsx hoặc .csv, không phải "${ext || out}".`);
}

/** npm runs scripts from the project root; a relative path means the folder the command was typed in. */
const pathOf = (file: string) => resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const now = new Date();
  const range = rangeOf(options, now);
  const out = options.out ? { path: pathOf(options.out), format: formatOf(options.out) } : undefined;
  const populationCsv = options.population ? await readText(pathOf(options.population)) : undefined;

  const { store } = await openStore(loadConfig());
  try {
    const reports = createReports(store, (await loadCurriculum(loadConfig().KNOWLEDGE_DIR)).ward);
    if (populationCsv !== undefined) {
      const imported = await reports.importPopulation(populationCsv, now);
      if (!imported.ok) {
        for (const { line, message } of imported.errors) console.error(`Dòng ${line}: ${message}`);
        console.error("Chưa nhập dân số: hãy sửa các dòng trên rồi chạy lại.");
        return 1;
      }
      console.error(`Đã nhập dân số của ${imported.population.tos.length} tổ dân phố.`);
    }
    const { presented } = await reports.produce(range, { ward: true }, now);
    console.log(reportText(presented));
    if (out) {
      const content = out.format === "csv" ? reportCsv(presented) : await reportXlsx(presented);
      await writeFile(out.path, content).catch((error: NodeJS.ErrnoException) => {
        throw new ReadableError(`Không ghi được tệp "${out.path}" (${error.code ?? error.message}).`);
      });
      console.log(`\nĐã ghi báo cáo: ${out.path}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function readText(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new ReadableError(`Không đọc được tệp dân số "${path}" (${error.code ?? error.message}).`);
  });
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`report: ${error.message} Xem: npm run report -- --help`);
      process.exitCode = 2;
      return;
    }
    const code = (error as { code?: string })?.code;
    const detail =
      code === "ECONNREFUSED"
        ? "Redis không trả lời (REDIS_URL có đúng không?)"
        : (String((error as Error)?.message ?? error).split("\n")[0] ?? "");
    console.error(`report: ${detail}`);
    process.exitCode = 1;
  });
