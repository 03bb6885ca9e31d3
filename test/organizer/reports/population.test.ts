import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type PopulationImport,
  PopulationStore,
  parsePopulationCsv,
} from "../../../src/organizer/reports/population.ts";
import { createReports } from "../../../src/organizer/reports/reports.ts";
import { tempStore } from "../../helpers/core.ts";
import { ROOT } from "../../helpers/process.ts";
import { testWard } from "../../helpers/ward.ts";

const NOW = new Date("2026-01-02T02:00:00Z");
const HEADER = "to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong";
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const parse = (text: string) => parsePopulationCsv(text, NOW);

function errorsOf(result: PopulationImport): { line: number; message: string }[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.population)}`);
  return result.errors;
}

function tosOf(result: PopulationImport) {
  if (!result.ok) throw new Error(`expected a population, got ${JSON.stringify(result.errors)}`);
  return result.population.tos;
}

describe("reading the population CSV", () => {
  it("reads one row per tổ with a count per learner group", () => {
    expect(tosOf(parse(csv(HEADER, "Tổ 1,40,10,6,20", "Tổ 2,30,8,2,10")))).toEqual([
      { to: "Tổ 1", byGroup: { "nguoi-dan": 40, "hoc-sinh": 10, "can-bo": 6, "lao-dong": 20 } },
      { to: "Tổ 2", byGroup: { "nguoi-dan": 30, "hoc-sinh": 8, "can-bo": 2, "lao-dong": 10 } },
    ]);
  });

  it("accepts the template shipped in scripts/templates", () => {
    const template = readFileSync(join(ROOT, "scripts", "templates", "dan-so.csv"), "utf8");
    expect(tosOf(parse(template)).map((t) => t.to)).toEqual(["Tổ 1", "Tổ 2"]);
  });

  it("accepts Vietnamese headers with accents and spaces, in any case", () => {
    const tos = tosOf(parse(csv("Tổ dân phố, Người dân, Học sinh, Cán bộ, LAO ĐỘNG", "Tổ 1,1,2,3,4")));
    expect(tos).toEqual([
      { to: "Tổ 1", byGroup: { "nguoi-dan": 1, "hoc-sinh": 2, "can-bo": 3, "lao-dong": 4 } },
    ]);
  });

  it("accepts what Vietnamese Excel saves: a BOM, CRLF line endings, `;` and thousand separators", () => {
    const excel = `\uFEFF${HEADER.replaceAll(",", ";")}\r\nTổ 1;1.200;2;3;4\r\nTổ 2;10;0;0;0\r\n`;
    expect(tosOf(parse(excel))).toEqual([
      { to: "Tổ 1", byGroup: { "nguoi-dan": 1200, "hoc-sinh": 2, "can-bo": 3, "lao-dong": 4 } },
      { to: "Tổ 2", byGroup: { "nguoi-dan": 10, "hoc-sinh": 0, "can-bo": 0, "lao-dong": 0 } },
    ]);
  });

  it("reads a quoted count with a comma thousand separator", () => {
    expect(tosOf(parse(csv(HEADER, 'Tổ 1,"1,200",0,0,0')))[0]?.byGroup["nguoi-dan"]).toBe(1200);
  });

  it("writes tổ names the way learners' profiles do", () => {
    const tos = tosOf(parse(csv(HEADER, "to 3,1,1,1,1", "Tổ dân phố số 4,1,1,1,1", "5,1,1,1,1")));
    expect(tos.map((t) => t.to)).toEqual(["Tổ 3", "Tổ 4", "Tổ 5"]);
  });

  it("ignores extra columns such as a row number or a note", () => {
    const tos = tosOf(parse(csv(`stt,${HEADER},ghi_chu`, "1,Tổ 1,1,2,3,4,đã rà soát")));
    expect(tos).toEqual([
      { to: "Tổ 1", byGroup: { "nguoi-dan": 1, "hoc-sinh": 2, "can-bo": 3, "lao-dong": 4 } },
    ]);
  });
});

describe("rejecting a bad population CSV, line by line", () => {
  it("names every missing column", () => {
    expect(errorsOf(parse(csv("to_dan_pho,nguoi_dan,lao_dong", "Tổ 1,1,2")))).toEqual([
      { line: 1, message: "Thiếu cột: hoc_sinh, can_bo." },
    ]);
  });

  it("says an empty file is empty, and a header alone has no tổ", () => {
    expect(errorsOf(parse(""))).toEqual([{ line: 1, message: expect.stringContaining("Tệp trống") }]);
    expect(errorsOf(parse("\r\n\r\n"))).toEqual([{ line: 1, message: expect.stringContaining("Tệp trống") }]);
    expect(errorsOf(parse(csv(HEADER)))).toEqual([{ line: 1, message: "Chưa có dòng tổ dân phố nào." }]);
  });

  it("rejects negative numbers, decimals, words and empty counts, naming the column and the value", () => {
    const errors = errorsOf(parse(csv(HEADER, "Tổ 1,-3,12.5,nhiều,")));
    expect(errors).toHaveLength(4);
    expect(errors.every((e) => e.line === 2)).toBe(true);
    expect(errors.map((e) => e.message).sort()).toEqual([
      'Cột can_bo = "nhiều": phải là số nguyên không âm.',
      'Cột hoc_sinh = "12.5": phải là số nguyên không âm.',
      'Cột lao_dong = "": phải là số nguyên không âm.',
      'Cột nguoi_dan = "-3": phải là số nguyên không âm.',
    ]);
  });

  it("rejects a count larger than any ward", () => {
    expect(errorsOf(parse(csv(HEADER, "Tổ 1,1000001,0,0,0")))).toEqual([
      { line: 2, message: expect.stringContaining("không quá 1.000.000") },
    ]);
  });

  it("rejects tổ names it cannot read, including an empty one and a spreadsheet formula", () => {
    const errors = errorsOf(
      parse(csv(HEADER, "Tổ 1,1,1,1,1", "???,1,1,1,1", ",1,1,1,1", "=cmd|' /C calc'!A0,1,1,1,1")),
    );
    expect(errors).toEqual([
      { line: 3, message: 'Không đọc được tên tổ dân phố "???".' },
      { line: 4, message: 'Không đọc được tên tổ dân phố "".' },
      { line: 5, message: `Không đọc được tên tổ dân phố "=cmd|' /C calc'!A0".` },
    ]);
  });

  it("rejects a tổ listed twice, naming the line where it first appears", () => {
    expect(errorsOf(parse(csv(HEADER, "Tổ 1,1,1,1,1", "Tổ 2,1,1,1,1", "TO 1,2,2,2,2")))).toEqual([
      { line: 4, message: "Tổ 1 bị trùng (đã có ở dòng 2)." },
    ]);
  });

  it("reports the line as the spreadsheet numbers it, blank lines and CRLF included", () => {
    const text = [HEADER, "Tổ 1,1,1,1,1", "", "Tổ 2,x,1,1,1", "", "", "???,1,1,1,1"].join("\r\n");
    expect(errorsOf(parse(text)).map((e) => e.line)).toEqual([4, 7]);
  });

  it("saves nothing when any line is bad: the previous population stays", async () => {
    const store = await tempStore();
    const reports = createReports(store, testWard);
    const first = await reports.importPopulation(csv(HEADER, "Tổ 1,40,10,6,20"), NOW);
    expect(first.ok).toBe(true);
    const before = await new PopulationStore(store).load();

    const later = new Date("2026-03-01T02:00:00Z");
    const bad = await reports.importPopulation(csv(HEADER, "Tổ 1,50,10,6,20", "Tổ 2,-1,0,0,0"), later);
    expect(errorsOf(bad)).toEqual([{ line: 3, message: expect.stringContaining("nguoi_dan") }]);
    expect(await new PopulationStore(store).load()).toEqual(before);
    expect(before?.tos).toEqual([
      { to: "Tổ 1", byGroup: { "nguoi-dan": 40, "hoc-sinh": 10, "can-bo": 6, "lao-dong": 20 } },
    ]);
  });

  it("replaces the stored population when every line is valid", async () => {
    const store = await tempStore();
    const reports = createReports(store, testWard);
    await reports.importPopulation(csv(HEADER, "Tổ 1,40,10,6,20"), NOW);
    await reports.importPopulation(csv(HEADER, "Tổ 2,5,5,5,5"), new Date("2026-03-01T02:00:00Z"));
    expect(await new PopulationStore(store).load()).toEqual({
      tos: [{ to: "Tổ 2", byGroup: { "nguoi-dan": 5, "hoc-sinh": 5, "can-bo": 5, "lao-dong": 5 } }],
      importedAt: "2026-03-01T02:00:00.000Z",
    });
  });
});
