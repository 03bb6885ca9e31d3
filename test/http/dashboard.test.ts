import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/types.ts";
import type { OrganizerServices } from "../../src/organizer/organizer.ts";
import type { Organizer } from "../../src/organizer/roles.ts";
import type { Store } from "../../src/storage/store.ts";
import { tempStoreUnscoped } from "../helpers/core.ts";
import { dashboardServer } from "../helpers/dashboard.ts";
import { NOW, PERIOD, POPULATION_CSV, seedWard } from "../organizer/reports/seed-ward.ts";

const ADMIN = "tg:admin";
const TO1_ORGANIZER = "tg:to1-lead";
const PERIOD_QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const _noAssistant: Assistant = { handle: async () => [] };

interface Setup {
  app: FastifyInstance;
  store: Store;
  org: OrganizerServices;
}

async function setup(seeded: boolean, secureCookies = false): Promise<Setup> {
  const store = await tempStoreUnscoped();
  if (seeded) await seedWard(store);
  const { app, org } = await dashboardServer(store, { adminIds: [ADMIN], now: () => NOW, secureCookies });
  await app.ready();
  return { app, store, org };
}

const cookieOf = (res: LightMyRequestResponse) => {
  const header = String(res.headers["set-cookie"] ?? "");
  const token = /hvs_quantri=([^;]*)/.exec(header)?.[1];
  if (!token) throw new Error(`no session cookie in ${header}`);
  return `hvs_quantri=${token}`;
};

const login = (app: FastifyInstance, code: string, ip = "127.0.0.1") =>
  app.inject({
    method: "POST",
    url: "/quan-tri/dang-nhap",
    headers: FORM,
    payload: `code=${encodeURIComponent(code)}`,
    remoteAddress: ip,
  });

/** Logs the person in through the form and returns the cookie header to send back. */
async function signIn(s: Setup, personId: string, ip?: string): Promise<string> {
  const res = await login(s.app, await s.org.dashboard.issueCode(personId), ip);
  expect(res.statusCode).toBe(303);
  return cookieOf(res);
}

const get = (app: FastifyInstance, url: string, cookie?: string) =>
  app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

const expectLoginRedirect = (res: LightMyRequestResponse) => {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe("/quan-tri/dang-nhap");
  expect(res.body).toBe("");
  expect(res.headers["cache-control"]).toBe("no-store");
};

/** Every route behind the login, as a request without or with a given cookie. */
const protectedRequests = (app: FastifyInstance, cookie?: string) => [
  get(app, "/quan-tri", cookie),
  get(app, `/quan-tri?${PERIOD_QUERY}`, cookie),
  get(app, `/quan-tri/bao-cao.csv?${PERIOD_QUERY}`, cookie),
  get(app, `/quan-tri/bao-cao.xlsx?${PERIOD_QUERY}`, cookie),
  get(app, "/quan-tri/dan-so-mau.csv", cookie),
  app.inject({
    method: "POST",
    url: "/quan-tri/dan-so",
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    payload: `csv=${encodeURIComponent(POPULATION_CSV)}`,
  }),
];

describe("organizers' dashboard over the seeded ward", () => {
  let s: Setup;
  let admin: Organizer;
  beforeAll(async () => {
    s = await setup(true);
    admin = { personId: ADMIN, admin: true, scope: { ward: true } };
    await s.org.roles.grant(admin, TO1_ORGANIZER, { ward: false, tos: ["Tổ 1"] }, NOW);
  });
  afterAll(async () => {
    await s.app.close();
    await s.store.close();
  });

  it("shows a Vietnamese login page telling how to get a code, with strict security headers", async () => {
    const res = await get(s.app, "/quan-tri/dang-nhap");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("cho trợ lý trên Telegram hoặc Zalo để nhận mã đăng nhập");
    expect(res.body).toContain('name="code"');
    const csp = String(res.headers["content-security-policy"]);
    for (const directive of ["default-src 'none'", "form-action 'self'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("without a session, redirects every page and download to the login with no data", async () => {
    for (const res of await Promise.all(protectedRequests(s.app))) expectLoginRedirect(res);
  });

  it("refuses a forged, malformed or ended session cookie the same way", async () => {
    const ended = await signIn(s, ADMIN);
    await s.app.inject({ method: "POST", url: "/quan-tri/dang-xuat", headers: { cookie: ended } });
    const cookies = [`hvs_quantri=${"A".repeat(43)}`, "hvs_quantri=not-a-token", "hvs_quantri=", ended];
    for (const cookie of cookies)
      for (const res of await Promise.all(protectedRequests(s.app, cookie))) expectLoginRedirect(res);
  });

  it("opens a session with an HttpOnly, SameSite=Strict cookie scoped to /quan-tri for 8 hours", async () => {
    const res = await login(s.app, await s.org.dashboard.issueCode(ADMIN));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/quan-tri");
    const header = String(res.headers["set-cookie"]);
    expect(header).toMatch(/^hvs_quantri=[A-Za-z0-9_-]{43}; /);
    for (const attribute of ["HttpOnly", "SameSite=Strict", "Path=/quan-tri", "Max-Age=28800"])
      expect(header).toContain(attribute);
    expect(header).not.toContain("Secure");
    expect((await get(s.app, "/quan-tri/dang-nhap", cookieOf(res))).headers.location).toBe("/quan-tri");
  });

  it("marks the cookie Secure when the public address is https", async () => {
    const secure = await setup(false, true);
    const res = await login(secure.app, await secure.org.dashboard.issueCode(ADMIN));
    expect(String(res.headers["set-cookie"])).toContain("; Secure");
    await secure.app.close();
    await secure.store.close();
  });

  it("accepts a code once only, and refuses a wrong one with 401", async () => {
    const code = await s.org.dashboard.issueCode(ADMIN);
    expect((await login(s.app, code.toLowerCase().replace("-", " "), "10.0.0.1")).statusCode).toBe(303);
    const again = await login(s.app, code, "10.0.0.1");
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain("Mã không đúng hoặc đã hết hạn");
    expect(again.headers["set-cookie"]).toBeUndefined();
    expect((await login(s.app, "ZZZZ-ZZZZ", "10.0.0.1")).statusCode).toBe(401);
    expect((await login(s.app, "", "10.0.0.1")).statusCode).toBe(401);
  });

  it("limits login attempts per address to 10 in 10 minutes, even with a right code after", async () => {
    for (let i = 0; i < 10; i++) expect((await login(s.app, "WXYZ-WXYZ", "10.0.0.2")).statusCode).toBe(401);
    const limited = await login(s.app, await s.org.dashboard.issueCode(ADMIN), "10.0.0.2");
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain("quá nhiều lần");
    expect(limited.headers["set-cookie"]).toBeUndefined();
    expect((await login(s.app, await s.org.dashboard.issueCode(ADMIN), "10.0.0.3")).statusCode).toBe(303);
  });

  it("refuses a code of someone who is not an organizer", async () => {
    const res = await login(s.app, await s.org.dashboard.issueCode("tg:a0"), "10.0.0.4");
    expect(res.statusCode).toBe(403);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

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

  it("locks a session out as soon as the organizer's role is revoked", async () => {
    const person = "tg:short-lived";
    await s.org.roles.grant(admin, person, { ward: false, tos: ["Tổ 3"] }, NOW);
    const cookie = await signIn(s, person);
    expect((await get(s.app, "/quan-tri", cookie)).statusCode).toBe(200);
    await s.org.roles.revoke(admin, [person], NOW);
    for (const res of await Promise.all(protectedRequests(s.app, cookie))) expectLoginRedirect(res);
    // Granted again later, the old session stays closed.
    await s.org.roles.grant(admin, person, { ward: false, tos: ["Tổ 3"] }, NOW);
    expectLoginRedirect(await get(s.app, "/quan-tri", cookie));
  });

  it("ends the session on logout and clears the cookie", async () => {
    const cookie = await signIn(s, ADMIN);
    const res = await s.app.inject({ method: "POST", url: "/quan-tri/dang-xuat", headers: { cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/quan-tri/dang-nhap");
    expect(String(res.headers["set-cookie"])).toMatch(/^hvs_quantri=; .*Path=\/quan-tri.*Max-Age=0/);
    expectLoginRedirect(await get(s.app, "/quan-tri", cookie));
  });
});

describe("population import from the dashboard", () => {
  let s: Setup;
  let cookie: string;
  beforeAll(async () => {
    s = await setup(false);
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
