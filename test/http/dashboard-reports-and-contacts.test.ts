import { describe, expect, it } from "vitest";
import { POPULATION_CSV } from "../organizer/reports/seed-ward.ts";
import { ADMIN, FORM, get, PERIOD_QUERY, seededWard, signIn, TO1_ORGANIZER } from "./dashboard-requests.ts";

describe("organizers' dashboard over the seeded ward", () => {
  const s = seededWard();

  it("shows the ward report with the hand-checked numbers, charts, tables and downloads", async () => {
    const cookie = await signIn(s, ADMIN);
    const res = await get(s.app, `/quan-tri?${PERIOD_QUERY}`, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain("từ 01/01/2026 đến 30/04/2026");
    expect(html).toMatch(/<th scope="row">Toàn phường<\/th><td class="n">161<\/td><td class="n">31<\/td>/);
    expect(html).toContain("8,1"); // certified % of the population
    expect(html).toMatch(/<th scope="row">Tổ 1<\/th><td class="n">76<\/td><td class="n">19<\/td>/);
    expect(html).toMatch(
      /<th scope="row">Tổ 2<\/th><td class="n">50<\/td><td class="n small"[^>]*>&#60; 5<\/td>/,
    );
    expect(html).toContain('<span class="badge unmet">Chưa đạt</span>');
    expect(html).toMatch(/<svg role="img"[^>]*>.*Tổ 1 15,8%.*Tổ 2 dưới 5 người/s);
    expect(html).toContain("Mục tiêu 90%");
    expect(html).toContain(`href="/quan-tri/bao-cao.csv?${PERIOD_QUERY}"`);
    expect(html).toContain(`href="/quan-tri/bao-cao.xlsx?${PERIOD_QUERY}"`);
    expect(html).toContain("Nhập dân số theo tổ dân phố");
    expect(html).not.toMatch(/ style="/); // the CSP allows the stylesheet by hash, no style attributes
    const defaults = await get(s.app, "/quan-tri", cookie);
    expect(defaults.statusCode).toBe(200);
    expect(defaults.body).toContain("từ 01/01/2026 đến 15/05/2026");
  });

  it("refuses a period that ends before it starts with a 400 message and no data", async () => {
    const cookie = await signIn(s, ADMIN);
    const res = await get(s.app, "/quan-tri?from=2026-04-30&to=2026-01-01", cookie);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Ngày kết thúc phải bằng hoặc sau ngày bắt đầu");
    expect(res.body).not.toContain("Toàn phường");
    expect(res.body).not.toContain("<svg");
    const bad = await get(s.app, "/quan-tri?from=31/02/2026", cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Không đọc được ngày");
    const csv = await get(s.app, "/quan-tri/bao-cao.csv?from=2026-04-30&to=2026-01-01", cookie);
    expect(csv.statusCode).toBe(400);
    expect(csv.headers["content-disposition"]).toBeUndefined();
  });

  it("downloads the same period as CSV and Excel with a dated file name", async () => {
    const cookie = await signIn(s, ADMIN);
    const csv = await get(s.app, `/quan-tri/bao-cao.csv?${PERIOD_QUERY}`, cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="bao-cao-2026-01-01-2026-04-30.csv"',
    );
    expect(csv.headers["cache-control"]).toBe("no-store");
    expect(csv.body).toMatch(/Toàn phường[,;]161[,;]31[,;]/);
    const xlsx = await get(s.app, `/quan-tri/bao-cao.xlsx?${PERIOD_QUERY}`, cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toBe(
      'attachment; filename="bao-cao-2026-01-01-2026-04-30.xlsx"',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const template = await get(s.app, "/quan-tri/dan-so-mau.csv", cookie);
    expect(template.statusCode).toBe(200);
    expect(template.body).toContain("to_dan_pho,nguoi_dan,hoc_sinh,can_bo,lao_dong");
  });

  it("shows a tổ organizer their tổ only, and refuses them the population import", async () => {
    const cookie = await signIn(s, TO1_ORGANIZER);
    const res = await get(s.app, `/quan-tri?${PERIOD_QUERY}`, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<th scope="row">Tổ 1<\/th><td class="n">76<\/td><td class="n">19<\/td>/);
    expect(res.body).not.toContain("Tổ 2");
    expect(res.body).not.toContain("Toàn phường");
    expect(res.body).not.toContain("Nhập dân số");
    const csv = await get(s.app, `/quan-tri/bao-cao.csv?${PERIOD_QUERY}`, cookie);
    expect(csv.body).toContain("Tổ 1");
    expect(csv.body).not.toContain("Tổ 2");
    const upload = await s.app.inject({
      method: "POST",
      url: "/quan-tri/dan-so",
      headers: { ...FORM, cookie },
      payload: `csv=${encodeURIComponent(POPULATION_CSV)}`,
    });
    expect(upload.statusCode).toBe(403);
  });

  it("lets a ward organizer fill in a local office (audited), shows it read-only to a tổ organizer, who cannot change it", async () => {
    const ward = await signIn(s, ADMIN);
    const save = (cookie: string, payload: string) =>
      s.app.inject({ method: "POST", url: "/quan-tri/lien-he", headers: { ...FORM, cookie }, payload });
    const bad = await save(ward, `tram-y-te=${encodeURIComponent("<b>x</b>")}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Chưa lưu được: Trạm Y tế phường");
    const ok = await save(ward, `cong-an-phuong=${encodeURIComponent("Số 1 đường Thử, sáng 7h30–11h30")}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("Đã lưu");
    expect((await s.org.localContacts.list()).find((c) => c.id === "cong-an-phuong")?.value).toBe(
      "Số 1 đường Thử, sáng 7h30–11h30",
    );
    expect((await s.org.audit.recent()).at(-1)).toMatchObject({
      action: "contact-set",
      target: "cong-an-phuong",
    });
    const tổ = await signIn(s, TO1_ORGANIZER);
    const view = await get(s.app, "/quan-tri/lien-he", tổ);
    expect(view.body).toContain("Số 1 đường Thử");
    expect(view.body).toContain("readonly");
    expect((await save(tổ, "cong-an-phuong=khac")).statusCode).toBe(403);
    expect((await s.org.localContacts.list()).find((c) => c.id === "cong-an-phuong")?.value).toContain(
      "Số 1",
    );
  });
});
