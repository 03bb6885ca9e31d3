/**
 * Attacks from the security review, replayed against the real server in process (Fastify inject) or the
 * real assistant: each must now fail safely. Numbers are those of the review (issue #18).
 */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { organizerMessages as om } from "../../src/catalog/assistant-organizer.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { Certificates, shortKey } from "../../src/learning/certificates.ts";
import { LearnerStore, UNCONSENTED_TTL_MS } from "../../src/learning/learner-store.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { learnerKey } from "../../src/learning/record-keys.ts";
import { Classes } from "../../src/organizer/classes.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import {
  httpDeps,
  onboard,
  tempStore,
  testAssistant,
  testAssistantWith,
  testCurriculum,
} from "../helpers/core.ts";
import { dashboardServer } from "../helpers/dashboard.ts";
import { takeModuleQuiz } from "../helpers/quiz.ts";
import { keysHolding } from "../helpers/store-dump.ts";

const STRONG = "q8Zr3vKx9LmP2sWt7YbN4cHd6FjG1aEu";

async function server(options: { apiPerMinute?: number; trustProxy?: number | string[] } = {}) {
  const store = await tempStore();
  const app = createHttpServer({
    ...(await httpDeps(store)),
    assistant: await testAssistant(store),
    health: async () => ({ status: "ok" }),
    ...options,
  });
  return { app, store };
}

const chat = (sessionId: string) => ({ sessionId: `attack-session-${sessionId}`, text: "xin chào" });

describe("attacks on the running server", () => {
  it("1. a percent-encoded path does not skip the per-address limit on the chat API", async () => {
    const { app } = await server({ apiPerMinute: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const url = i % 2 ? "/%61pi/chat" : "/api/%63hat";
      codes.push((await app.inject({ method: "POST", url, payload: chat(`enc-${i}`) })).statusCode);
    }
    expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
  });

  it("2. behind one trusted proxy, a client cannot pick its address by writing X-Forwarded-For", async () => {
    const { app } = await server({ apiPerMinute: 3, trustProxy: 1 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/chat",
        remoteAddress: "10.0.0.2", // our proxy
        // The client wrote the first entry; our proxy appended the address it saw.
        headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
        payload: chat(`xff-${i}`),
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  it("2. TRUST_PROXY=true, which would trust every hop, is refused at start-up", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
    ]);
  });

  it("3. link codes are 8 digits, and an account that guesses wrong 5 times is locked out, right code or not", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "owner", "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo" });
    const asked = await assistant.handle({ channel: "zalo", userId: "owner", text: "/lienket" });
    const code = /\d{8}/.exec(asked.map((r) => r.text).join("\n"))?.[0] ?? "";
    expect(code).toMatch(/^\d{8}$/);
    const guess = (c: string) =>
      assistant.handle({ channel: "telegram", userId: "attacker", text: `/lienket ${c}` });
    for (let i = 0; i < 5; i++) expect((await guess(String(10_000_000 + i)))[0]?.text).toBe(lm.linkInvalid);
    expect((await guess(code))[0]?.text).toBe(lm.linkLocked);
    // The owner's own other account is not locked by the attacker's failures.
    expect(
      (await assistant.handle({ channel: "telegram", userId: "owner-tg", text: `/lienket ${code}` }))[0]
        ?.text,
    ).toBe(lm.linked);
  });

  it("4. check-in codes need a registered learner, and 5 wrong codes lock the person out", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const [fresh] = await assistant.handle({ channel: "web", userId: "walk-in", text: "/diemdanh 123456" });
    expect(fresh?.text).toBe(lm.needOnboarding);
    await onboard(assistant, "guesser");
    const say = async (text: string) =>
      (await assistant.handle({ channel: "web", userId: "guesser", text }))[0]?.text;
    for (let i = 0; i < 5; i++) expect(await say(`/diemdanh 10000${i}`)).toBe(om.checkinBad);
    expect(await say("/diemdanh 100009")).toBe(om.checkinLocked);
  });

  it("10. someone who never agreed (or declined) cannot check in with a real code, so no name of theirs is kept", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const classes = new Classes(store);
    const now = new Date();
    const record = await classes.create(
      {
        topic: "VNeID",
        startsAt: now,
        place: "Nhà văn hóa",
        audience: {},
        capacity: 20,
        createdBy: "telegram:1",
      },
      now,
    );
    await assistant.handle({ channel: "web", userId: "no-consent", text: "xin chào" });
    await assistant.handle({ channel: "web", userId: "no-consent", action: "v1:consent:no" });
    const [reply] = await assistant.handle({
      channel: "web",
      userId: "no-consent",
      text: `/diemdanh ${record.code}`,
    });
    expect(reply?.text).toBe(lm.needOnboarding);
    expect(await classes.attendees(record.id)).toEqual([]);
    // A store-level property: no key but the learner's own record mentions the person.
    expect(await keysHolding(store, "no-consent")).toEqual([learnerKey("web:no-consent")]);
  });

  it("5. a session that never registered cannot take a class seat", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const [reply] = await assistant.handle({ channel: "web", userId: "fresh-1", action: "v1:rsvp:abc123.y" });
    expect(reply?.text).toBe(lm.needOnboarding);
    await onboard(assistant, "fresh-2");
    const [registered] = await assistant.handle({
      channel: "web",
      userId: "fresh-2",
      action: "v1:rsvp:abc123.y",
    });
    expect(registered?.text).not.toBe(lm.needOnboarding);
  });

  it("8. after /xoadulieu, the embedded store's files no longer hold what was erased", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvs-erase-"));
    const store = await EmbeddedStore.open(dir);
    try {
      const assistant = await testAssistant(store);
      // The tổ survives in the anonymous report counts by design; the person does not.
      await onboard(assistant, "erase-disk", "nguoi-dan");
      const onDisk = async () =>
        (
          await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), "utf8").catch(() => "")))
        ).join("");
      expect(await onDisk()).toContain("web:erase-disk");
      await assistant.handle({ channel: "web", userId: "erase-disk", text: "/xoadulieu" });
      await assistant.handle({ channel: "web", userId: "erase-disk", action: "v1:erase:yes" });
      expect(await onDisk()).not.toContain("web:erase-disk");
    } finally {
      await store.close();
    }
  });

  it("9. a session that never consents leaves nothing behind after a day", async () => {
    let now = Date.parse("2026-12-02T08:00:00Z");
    const store = await EmbeddedStore.open(await mkdtemp(join(tmpdir(), "hvs-sessions-")), () => now);
    try {
      const assistant = await testAssistant(store, undefined, () => new Date(now));
      for (let i = 0; i < 20; i++)
        await assistant.handle({ channel: "web", userId: `drive-by-${i}`, text: "xin chào" });
      await assistant.handle({ channel: "web", userId: "drive-by-0", action: "v1:consent:no" });
      await onboard(assistant, "stays");
      now += UNCONSENTED_TTL_MS + 1000;
      const left = (await store.keys("")).filter((k) => k.includes("drive-by"));
      expect(left).toEqual([]);
      expect(await new LearnerStore(store).get("web:stays")).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it("6. a bare web session that passes every quiz gets no certificate until the ward can stand behind it", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    const required = curriculum.paths.groups["nguoi-dan"].required;
    await onboard(assistant, "scripted");
    let last: Awaited<ReturnType<typeof assistant.handle>> = [];
    for (const module of required) last = await takeModuleQuiz(assistant, curriculum, "scripted", module);
    expect(last.at(-1)?.text).toBe(lm.certificateNeedsPerson);
    const asked = await assistant.handle({ channel: "web", userId: "scripted", text: "/chungnhan" });
    expect(asked[0]?.text).toBe(lm.certificateNeedsPerson);
    expect(await new Certificates(store, "test-secret").ids()).toEqual([]);

    await onboard(assistant, "42", "nguoi-dan", undefined, { channel: "telegram" });
    for (const module of required)
      last = await takeModuleQuiz(assistant, curriculum, "42", module, 10, "telegram");
    expect(last.at(-1)?.text).toBe(lm.askCertName);

    // A follower of the ward's Zalo Official Account is a Zalo account too.
    await onboard(assistant, "oa-7", "nguoi-dan", undefined, { channel: "zalo-oa" });
    for (const module of required)
      last = await takeModuleQuiz(assistant, curriculum, "oa-7", module, 10, "zalo-oa");
    expect(last.at(-1)?.text).toBe(lm.askCertName);
  });

  it("6. a module quiz answered faster than the minimum per question is not counted as a pass", async () => {
    const store = await tempStore();
    const curriculum = await testCurriculum();
    let clock = Date.parse("2026-12-02T08:00:00Z");
    const stepMs = { value: 0 };
    const assistant = await testAssistantWith(store, {
      minSecondsPerQuestion: 3,
      now: () => {
        clock += stepMs.value;
        return new Date(clock);
      },
    });
    await onboard(assistant, "fast");
    const progress = new ProgressStore(store);
    const scripted = await takeModuleQuiz(assistant, curriculum, "fast", "vneid");
    expect(scripted.at(-1)?.text).toContain(lm.tooFast);
    expect((await progress.module("web:fast", "vneid")).status).not.toBe("dat");
    stepMs.value = 2000; // a reader: a few seconds a question (the clock moves on every read of it)
    const read = await takeModuleQuiz(assistant, curriculum, "fast", "vneid");
    expect(read.at(-1)?.text).not.toContain(lm.tooFast);
    expect((await progress.module("web:fast", "vneid")).status).toBe("dat");
  });

  it("6. a revoked certificate stays revoked through /xoadulieu: the page says so and the person is not issued another", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    const required = curriculum.paths.groups["nguoi-dan"].required;
    const earn = async () => {
      await onboard(assistant, "77", "nguoi-dan", undefined, { channel: "telegram" });
      let last: Awaited<ReturnType<typeof assistant.handle>> = [];
      for (const module of required)
        last = await takeModuleQuiz(assistant, curriculum, "77", module, 10, "telegram");
      return last;
    };
    await earn();
    const [issued] = await assistant.handle({ channel: "telegram", userId: "77", text: "Trần Văn Bảy" });
    const certificates = new Certificates(store, "test-secret");
    const id = /HVS-\d{2}-\w{6}/.exec(issued?.text ?? "")?.[0] as string;
    const key = new URL(issued?.link?.url as string).searchParams.get("k") as string;
    await certificates.revoke(id, "thi hộ", new Date());
    await assistant.erasePerson("telegram:77");
    expect(await certificates.verify(id, key)).toMatchObject({ status: "withdrawn" });
    expect((await certificates.verify(id, "0".repeat(16))).status).toBe("invalid");
    // What outlives the erasure (the withdrawn number, the bar) holds no name: checked over the whole store.
    expect(await keysHolding(store, "Bảy")).toEqual([]);
    const again = await earn();
    expect(again.at(-1)?.text).toBe(lm.certificateBarred);
  });

  it("7. a certificate page needs its key, shows no key of its own, and is rate-limited", async () => {
    const { app, store } = await server({ apiPerMinute: 4 });
    const certificates = new Certificates(store, "test-secret");
    const { certificate } = await certificates.issue(
      "web:attack-7",
      { name: "Lê Thị Hoa", group: "nguoi-dan", modules: ["vneid"] } as never,
      new Date(),
    );
    const bare = await app.inject({ url: `/chung-nhan/${certificate.id}` });
    expect(bare.statusCode).toBe(404);
    expect(bare.body).not.toContain("Lê Thị Hoa");
    const keyed = await app.inject({ url: `/chung-nhan/${certificate.id}?k=${shortKey(certificate)}` });
    expect(keyed.statusCode).toBe(200);
    expect(keyed.body).not.toContain("Mã kiểm tra");
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await app.inject({ url: `/chung-nhan/HVS-26-00000${i}?k=x` })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it("12. a dashboard POST from another site, or not in the form encoding, is refused before it is read", async () => {
    const store = await tempStore();
    const { app, org } = await dashboardServer(store, { adminIds: ["tg:admin"], now: () => new Date() });
    const FORM = { "content-type": "application/x-www-form-urlencoded" };
    const signedIn = await app.inject({
      method: "POST",
      url: "/quan-tri/dang-nhap",
      headers: { ...FORM, host: "hocvuso.test", origin: "https://hocvuso.test" },
      payload: `code=${await org.dashboard.issueCode("tg:admin")}`,
    });
    expect(signedIn.statusCode).toBe(303);
    const cookie = /hvs_quantri=[^;]*/.exec(String(signedIn.headers["set-cookie"]))?.[0] ?? "";
    const upload = (headers: Record<string, string>, payload = "csv=to%2Cnguoi-dan") =>
      app.inject({
        method: "POST",
        url: "/quan-tri/dan-so",
        headers: { host: "hocvuso.test", cookie, ...headers },
        payload,
      });
    expect((await upload({ ...FORM, origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await upload({ ...FORM, "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect(
      (await upload({ "content-type": "application/json" }, JSON.stringify({ csv: "x" }))).statusCode,
    ).toBe(415);
    // The dashboard's own form still works.
    expect((await upload({ ...FORM, origin: "https://hocvuso.test" })).statusCode).not.toBe(403);
  });

  it("11. production refuses to start without PUBLIC_URL", () => {
    expect(() => loadConfig({ NODE_ENV: "production", CERT_SECRET: STRONG })).toThrowError(
      /PUBLIC_URL must be set in production/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: "production", CERT_SECRET: STRONG, PUBLIC_URL: "https://hocvuso.example.vn" }),
    ).not.toThrow();
  });
});
