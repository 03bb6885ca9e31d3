import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOW, PERIOD, POPULATION_CSV } from "../organizer/reports/seed-ward.ts";
import { ADMIN, type Dashboard, FORM, signIn, startDashboard } from "./dashboard-requests.ts";

describe("population import from the dashboard", () => {
  let s: Dashboard;
  let cookie: string;
  beforeAll(async () => {
    s = await startDashboard(false);
    cookie = await signIn(s, ADMIN);
  });
  afterAll(async () => {
    await s.app.close();
    await s.store.close();
  });

  const upload = (csv: string) =>
    s.app.inject({
      method: "POST",
      url: "/quan-tri/dan-so",
      headers: { ...FORM, cookie },
      payload: `csv=${encodeURIComponent(csv)}`,
    });

  it("lists every bad line with 400, keeps the text for fixing, escapes it, and stores nothing", async () => {
    const csv =
      "to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong\nTổ 1,40,10,6,20\n<script>alert(1)</script>,1,2,3,4\nTổ 2,ba,0,0,0\n";
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Dòng 3:");
    expect(res.body).toContain("Dòng 4:");
    expect(res.body).not.toContain("<script>alert(1)");
    expect(res.body).toContain("&#60;script&#62;alert(1)");
    const report = await s.org.reports.produce(PERIOD, { ward: true }, NOW);
    expect(report.raw.populationImportedAt).toBeNull();
    expect((await upload("")).statusCode).toBe(400);
  });

  it("stores a good file and says how many tổ were imported", async () => {
    const res = await upload(POPULATION_CSV);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Đã nhập 3 tổ dân phố");
    const report = await s.org.reports.produce(PERIOD, { ward: true }, NOW);
    expect(report.raw.total.population).toBe(161);
  });

  it("refuses a body over the limit with an HTML page, not a stack trace", async () => {
    const res = await upload(
      `to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong\n${"Tổ 1,1,1,1,1\n".repeat(200_000)}`,
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Tệp quá lớn");
  });
});
