import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/organizer/reports/csv-text.ts";
import { PopulationStore } from "../../src/organizer/reports/population.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { ROOT } from "../helpers/process.ts";
import { seedWard } from "../organizer/reports/seed-ward.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the report script the way `npm run report` does, on the embedded store in `dataDir` (no Redis). */
function report(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "scripts/report.ts", ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const PERIOD = ["--from", "01/01/2026", "--to", "30/04/2026"];
const HEADER = "to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong";
let seeded: string;

/** A copy of the seeded ward's data directory, for a test that changes it. */
async function seededCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvs-report-"));
  await cp(seeded, dir, { recursive: true });
  return dir;
}

async function storedPopulation(dataDir: string) {
  const store = await EmbeddedStore.open(join(dataDir, "store"));
  try {
    return await new PopulationStore(store).load();
  } finally {
    await store.close();
  }
}

const exists = (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  seeded = await mkdtemp(join(tmpdir(), "hvs-report-seed-"));
  const store = await EmbeddedStore.open(join(seeded, "store"));
  await seedWard(store);
  await store.close();
});

describe("npm run report", () => {
  it("prints the summary and writes the seeded ward's hand-checked numbers to a CSV", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "hvs-report-out-")), "bc.csv");
    const run = await report(seeded, ...PERIOD, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("📊 Báo cáo kết quả Phong trào Bình dân học vụ số");
    expect(run.stdout).toContain("Toàn phường, từ 01/01/2026 đến 30/04/2026.");
    expect(run.stdout).toContain(
      "Toàn phường: 31 đăng ký học, 13 có chứng nhận (8,1% dân số), 17 hoạt động 30 ngày qua",
    );
    expect(run.stdout).toContain(`Đã ghi báo cáo: ${out}`);
    // The report reads counts kept per tổ and day, not every learner: there is no per-learner progress.
    expect(run.stderr).not.toContain("Đang đọc dữ liệu người học");

    const { rows } = parseCsv(await readFile(out, "utf8"));
    const header = rows.find((r) => r[0] === "Tổ dân phố") ?? [];
    const ward = rows.find((r) => r[0] === "Toàn phường") ?? [];
    expect(Object.fromEntries(header.map((column, i) => [column, ward[i]]))).toEqual({
      "Tổ dân phố": "Toàn phường",
      "Dân số": "161",
      "Đã đăng ký học": "31",
      "Đăng ký mới trong kỳ": "25",
      "Hoạt động 30 ngày qua": "17", // counted back from the period's end, not from today
      "Bài học đã đọc": "27",
      "Lượt đạt học phần": "16",
      "Có chứng nhận": "13",
      "Có chứng nhận (% dân số)": "8.1",
      "Đạt học phần AI": "8",
      "Đạt học phần AI (% người học)": "25.8",
      "Buổi học": "2",
      "Lượt điểm danh": "14",
    });
  });

  it("writes an Excel workbook when the output ends in .xlsx", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "hvs-report-out-")), "Bao-Cao.XLSX");
    const run = await report(seeded, ...PERIOD, "--out", out);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Theo tổ dân phố");
    const wardRow = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === "Toàn phường");
    expect(wardRow?.getCell(3).value).toBe(31);
  });

  it("refuses an end date before the start date, naming both", async () => {
    const run = await report(seeded, "--from", "30/04/2026", "--to", "2026-01-01");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Ngày kết thúc (01/01/2026) trước ngày bắt đầu (30/04/2026).");
    expect(run.stdout).toBe("");
  });

  it.each([
    [["--from", "31/02/2026"], 'Không đọc được ngày "31/02/2026"'],
    [["--tu", "01/01/2026"], "Không có tùy chọn --tu."],
    [["--to"], "Thiếu giá trị sau --to."],
    [["--out", "--from", "01/01/2026"], "Thiếu giá trị sau --out."],
  ])("refuses bad input %j with one readable line and exit code 2", async (args, message) => {
    const run = await report(seeded, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
  });

  it("refuses an output file that is neither .xlsx nor .csv, and writes nothing", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "hvs-report-out-")), "bc.pdf");
    const run = await report(seeded, ...PERIOD, "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".xlsx hoặc .csv");
    expect(await exists(out)).toBe(false);
  });

  it("prints the usage with --help", async () => {
    const run = await report(seeded, "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("npm run report -- [--from 01/01/2026]");
  });

  it("lists every bad line of a population file, imports nothing and writes no report", async () => {
    const dataDir = await seededCopy();
    const before = await storedPopulation(dataDir);
    const population = join(dataDir, "dan-so.csv");
    await writeFile(population, `${HEADER}\nTổ 1,40,10,6,20\nTổ 2,-5,8,2,10\n???,1,1,1,1\nTổ 1,1,1,1,1\n`);
    const out = join(dataDir, "bc.csv");
    const run = await report(dataDir, ...PERIOD, "--population", population, "--out", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Dòng 3: Cột nguoi_dan = "-5": phải là số nguyên không âm.');
    expect(run.stderr).toContain('Dòng 4: Không đọc được tên tổ dân phố "???".');
    expect(run.stderr).toContain("Dòng 5: Tổ 1 bị trùng (đã có ở dòng 2).");
    expect(run.stdout).toBe("");
    expect(await exists(out)).toBe(false);
    expect(await storedPopulation(dataDir)).toEqual(before);
  });

  it("imports a valid population file before reporting on it", async () => {
    const dataDir = await seededCopy();
    const population = join(dataDir, "dan-so.csv");
    await writeFile(population, `${HEADER}\nTổ 1,40,10,6,20\nTổ 2,30,8,2,10\nTổ 3,20,5,2,8\nTổ 9,39,0,0,0\n`);
    const run = await report(dataDir, ...PERIOD, "--population", population);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Đã nhập dân số của 4 tổ dân phố.");
    expect(run.stdout).toContain("13 có chứng nhận (6,5% dân số)"); // 13 of 161 + 39
    expect(run.stdout).not.toContain("chưa có trong bảng dân số");
    expect((await storedPopulation(dataDir))?.tos.map((t) => t.to)).toEqual(["Tổ 1", "Tổ 2", "Tổ 3", "Tổ 9"]);
  });
});
