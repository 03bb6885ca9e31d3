import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReports, type ProducedReport } from "../../../src/organizer/reports/reports.ts";
import type { Store } from "../../../src/storage/store.ts";
import { tempStoreUnscoped } from "../../helpers/core.ts";
import { testWard } from "../../helpers/ward.ts";
import { NOW, PERIOD, seedWard } from "./seed-ward.ts";

// Every expected number below was worked out by hand from the people listed in seed-ward.ts.
describe("the ward report of the seeded ward, 01/01–30/04/2026", () => {
  let store: Store;
  let ward: ProducedReport;
  beforeAll(async () => {
    store = await tempStoreUnscoped();
    await seedWard(store);
    ward = await createReports(store, testWard).produce(PERIOD, { ward: true }, NOW);
  });
  afterAll(() => store.close());

  it("counts the whole ward: registered by the end, new, active, lessons, passes, certified, AI", () => {
    expect(ward.raw.total).toEqual({
      label: "Toàn phường",
      population: 161,
      registered: 31, // 13 + 6 in Tổ 1, 3 in Tổ 2, 6 in Tổ 3, 2 without a tổ, 1 in Tổ 9
      newInPeriod: 25, // all but the 6 officials registered in December
      active30: 17, // 8 residents seen 20/4, 3 students seen 25/4, 6 workers registered 30/4
      lessonsRead: 27, // 12 × 2 + 3
      modulePasses: 16, // 6 + 3 + 1 (Tổ 1 residents) + 5 (officials) + 1 (student)
      certified: 13, // 6 residents + 6 officials + 1 student; the revoked one does not count
      aiPassed: 8,
      classesHeld: 2, // the May class is after the period
      attendance: 14, // 9 + 5
    });
  });

  it("splits the ward by tổ, numbered tổ first and learners without a tổ last", () => {
    expect(
      ward.raw.tos.map((t) => [
        t.label,
        t.population,
        t.registered,
        t.certified,
        t.classesHeld,
        t.attendance,
      ]),
    ).toEqual([
      ["Tổ 1", 76, 19, 12, 1, 9],
      ["Tổ 2", 50, 3, 1, 0, 3],
      ["Tổ 3", 35, 6, 0, 0, 0],
      ["Tổ 9", null, 1, 0, 0, 0],
      ["Chưa khai báo tổ", null, 2, 0, 0, 2], // the two came to the Tổ 1 class
    ]);
    expect(ward.raw.tosWithoutPopulation).toEqual(["Tổ 9"]);
  });

  it("splits the ward by learner group", () => {
    const byGroup = Object.fromEntries(
      ward.raw.groups.map((g) => [
        g.group,
        [g.population, g.registered, g.newInPeriod, g.certified, g.aiPassed, g.attendance],
      ]),
    );
    expect(byGroup).toEqual({
      "can-bo": [10, 6, 0, 6, 5, 2],
      "hoc-sinh": [23, 3, 3, 1, 0, 3],
      "lao-dong": [38, 6, 6, 0, 0, 0],
      "nguoi-dan": [90, 16, 16, 6, 3, 9],
    });
  });

  it("sets each target of section III against its value, with the gap and the people still needed", () => {
    const targets = Object.fromEntries(
      ward.raw.targets.map((t) => [t.id, [t.numerator, t.denominator, t.gapPoints, t.peopleNeeded, t.met]]),
    );
    expect(targets).toEqual({
      "nguoi-truong-thanh": [12, 138, 81.3, 113, false], // above 90% of 138 means 125 people
      "can-bo": [6, 10, 40, 4, false],
      "hoc-sinh": [1, 23, 95.7, 22, false],
      "lao-dong": [0, 38, 100, 38, false],
      "can-bo-ai": [5, 10, 30, 3, false],
      "nguoi-hoc-ai": [8, 31, 34.2, 11, false], // 60% of 31 is 18.6, so 19 people
    });
  });

  it("takes each target's share and wording from the ward profile, and names the report deadlines", async () => {
    const other = {
      targets: [
        { id: "can-bo" as const, label: "Cán bộ của phường khác", share: 0.5, kind: "reach" as const },
      ],
      report_deadlines: [{ report: "Báo cáo quý", before: "15/3" }],
    };
    const report = await createReports(store, other).produce(PERIOD, { ward: true }, NOW);
    expect(report.raw.targets.map((t) => [t.id, t.label, t.target, t.peopleNeeded, t.met])).toEqual([
      ["can-bo", "Cán bộ của phường khác", 0.5, 0, true], // 6 of 10 officials reach half
    ]);
    expect(report.presented.notes).toContain(
      "Hạn nộp báo cáo (mục VII của Kế hoạch): Báo cáo quý trước ngày 15/3.",
    );
    expect(ward.presented.notes.at(-1)).toContain("Báo cáo năm trước ngày 20/11");
  });

  it("hides what a tổ of fewer than 5 learners did, and never leaves one hidden cell a total gives away", () => {
    const [header, ...rows] = [ward.presented.byTo.columns, ...ward.presented.byTo.rows];
    const row = (label: string) =>
      Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === label)?.[i]]));
    // Tổ 9 has one learner and Tổ 2 three: their lessons read, passes and check-ins are not shown.
    for (const tổ of ["Tổ 9", "Tổ 2"])
      expect(row(tổ)).toMatchObject({
        "Bài học đã đọc": "< 5",
        "Lượt đạt học phần": "< 5",
        "Lượt điểm danh": "< 5",
      });
    for (const table of [ward.presented.byTo, ward.presented.byGroup]) {
      const parts = table === ward.presented.byTo ? table.rows.slice(0, -1) : table.rows;
      table.columns.forEach((column, i) => {
        if (i === 0 || column === "Buổi học" || column.includes("%")) return;
        const hidden = parts.filter((r) => r[i] === "< 5").length;
        expect(hidden, `${table.title}: ${column}`).not.toBe(1);
      });
    }
  });

  it("counts only notices in the period, and only delivered messages as reach", () => {
    expect(ward.raw.notices).toEqual({ sent: 1, recipients: 20, delivered: 18 });
  });

  it("shows the trend month by month, cumulative", () => {
    expect(ward.raw.trend).toEqual([
      { month: "2026-01", registered: 7, certified: 6 },
      { month: "2026-02", registered: 19, certified: 6 },
      { month: "2026-03", registered: 22, certified: 12 },
      { month: "2026-04", registered: 31, certified: 13 },
    ]);
  });

  it("hides every cell under 5 people, including the percentages and gaps built on them", () => {
    const [header, ...rows] = [ward.presented.byTo.columns, ...ward.presented.byTo.rows];
    const row = (label: string) =>
      Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === label)?.[i]]));
    expect(row("Tổ 2")).toMatchObject({
      "Dân số": 50,
      "Đã đăng ký học": "< 5",
      "Có chứng nhận": "< 5",
      "Có chứng nhận (% dân số)": "< 5",
      "Buổi học": 0,
    });
    expect(row("Tổ 1")).toMatchObject({
      "Đã đăng ký học": 19,
      "Có chứng nhận (% dân số)": 15.8,
      "Đạt học phần AI (% người học)": 42.1,
    });
    expect(row("Toàn phường")).toMatchObject({
      "Có chứng nhận (% dân số)": 8.1,
      "Đạt học phần AI (% người học)": 25.8,
    });
    const students = ward.presented.targets.rows.find(
      (r) => r[0] === "Học sinh được trang bị kiến thức, kỹ năng số",
    );
    expect(students?.slice(3)).toEqual(["< 5", 23, "< 5", "—", "—", "Chưa đạt"]);
    for (const table of [ward.presented.byTo, ward.presented.byGroup, ward.presented.trend]) {
      const peopleColumns = table.columns.map((c, i) => (c === "Buổi học" ? -1 : i)).filter((i) => i > 0);
      for (const row of table.rows)
        for (const i of peopleColumns)
          if (typeof row[i] === "number") expect(row[i]).toBeGreaterThanOrEqual(5);
    }
  });

  it("limits a tổ organizer's report to their tổ, including the groups and targets", async () => {
    const tổ1 = await createReports(store, testWard).produce(PERIOD, { ward: false, tos: ["Tổ 1"] }, NOW);
    expect(tổ1.raw.tos.map((t) => t.label)).toEqual(["Tổ 1"]);
    expect(tổ1.raw.total).toMatchObject({
      population: 76,
      registered: 19,
      certified: 12,
      attendance: 9,
      classesHeld: 1,
    });
    expect(tổ1.raw.notices).toEqual({ sent: 0, recipients: 0, delivered: 0 });
    const officials = tổ1.raw.targets.find((t) => t.id === "can-bo");
    expect(officials).toMatchObject({
      numerator: 6,
      denominator: 6,
      met: true,
      gapPoints: 0,
      peopleNeeded: 0,
    });
    expect(JSON.stringify(tổ1.presented)).not.toContain("Tổ 2");
  });
});
