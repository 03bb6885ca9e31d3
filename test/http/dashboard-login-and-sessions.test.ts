import { describe, expect, it } from "vitest";
import { NOW } from "../organizer/reports/seed-ward.ts";
import {
  ADMIN,
  ADMIN_ORGANIZER,
  cookieOf,
  expectLoginRedirect,
  get,
  login,
  protectedRequests,
  seededWard,
  signIn,
  startDashboard,
} from "./dashboard-requests.ts";

describe("organizers' dashboard over the seeded ward", () => {
  const s = seededWard();

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
    const secure = await startDashboard(false, true);
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

  it("locks a session out as soon as the organizer's role is revoked", async () => {
    const person = "tg:short-lived";
    await s.org.roles.grant(ADMIN_ORGANIZER, person, { ward: false, tos: ["Tổ 3"] }, NOW);
    const cookie = await signIn(s, person);
    expect((await get(s.app, "/quan-tri", cookie)).statusCode).toBe(200);
    await s.org.roles.revoke(ADMIN_ORGANIZER, [person], NOW);
    for (const res of await Promise.all(protectedRequests(s.app, cookie))) expectLoginRedirect(res);
    // Granted again later, the old session stays closed.
    await s.org.roles.grant(ADMIN_ORGANIZER, person, { ward: false, tos: ["Tổ 3"] }, NOW);
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
