/**
 * The web push sender against a stand-in of a push service on loopback (HTTPS with a test certificate):
 * what web-push POSTs, and what the service's answers do. Nothing leaves the machine.
 */
import { createECDH, createPublicKey, createVerify, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { createServer, Agent as HttpsAgent, type Server } from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  createWebPushSender,
  PUSH_TTL_SECONDS,
  PUSH_URGENCY,
} from "../../../src/channels/web/push-sender.ts";
import { vapidKeys } from "../../../src/channels/web/vapid.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import { PushSubscriptions } from "../../../src/learning/push-subscriptions.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { ReviewSchedule } from "../../../src/learning/review-schedule.ts";
import type { Store } from "../../../src/storage/store.ts";
import { silentLogger, tempStore } from "../../helpers/core.ts";
import { fakeClock, seedLearners, testOrganizer, testRuntime } from "../../organizer/helpers.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "push");
const cert = readFileSync(join(FIXTURES, "loopback-cert.pem"));
const key = readFileSync(join(FIXTURES, "loopback-key.pem"));

interface Received {
  headers: IncomingMessage["headers"];
  body: Buffer;
  path: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A push service on 127.0.0.1 that records each POST and answers with `status(path)`. */
async function pushService(status: (path: string) => number = () => 201) {
  const received: Received[] = [];
  server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks), path: request.url ?? "" });
      response.writeHead(status(request.url ?? "")).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { received, url: (path: string) => `https://127.0.0.1:${port}${path}` };
}

/** A browser's side of a subscription: its ECDH key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey("base64url"), auth: auth.toString("base64url") } };
}

function sender(store: Store) {
  return createWebPushSender({
    store,
    vapid: vapidKeys(store),
    subject: "https://hocvuso.test",
    logger: silentLogger,
    agent: new HttpsAgent({ ca: cert }),
  });
}

/** Verifies the VAPID JWT of `Authorization: vapid t=…, k=…` with the server's public key. */
function vapidClaims(authorization: string, publicKey: string) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization);
  expect(match).not.toBeNull();
  const [token, k] = [match?.[1] as string, match?.[2] as string];
  expect(k).toBe(publicKey);
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const raw = Buffer.from(publicKey, "base64url");
  const jwk = {
    kty: "EC",
    crv: "P-256",
    x: raw.subarray(1, 33).toString("base64url"),
    y: raw.subarray(33).toString("base64url"),
  };
  const verified = createVerify("SHA256")
    .update(`${header}.${payload}`)
    .verify(
      { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" },
      Buffer.from(signature, "base64url"),
    );
  expect(verified).toBe(true);
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as {
    aud: string;
    sub: string;
    exp: number;
  };
}

describe("web push sender", () => {
  it("POSTs an encrypted notice with the VAPID Authorization header, a day's TTL and normal urgency", async () => {
    const service = await pushService();
    const store = await tempStore();
    const browser = browserKeys();
    await new PushSubscriptions(store).save("session-1", {
      endpoint: service.url("/push/abc"),
      keys: browser.keys,
    });

    const outcome = await sender(store).send("session-1", [{ text: "Họp tổ *tối nay* lúc 19:30" }]);

    expect(outcome).toEqual({ status: "sent" });
    expect(service.received).toHaveLength(1);
    const [request] = service.received as [Received];
    expect(request.path).toBe("/push/abc");
    expect(request.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    expect(request.headers.urgency).toBe(PUSH_URGENCY);
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    const { publicKey } = await vapidKeys(store)();
    const claims = vapidClaims(String(request.headers.authorization), publicKey);
    expect(claims.aud).toBe(service.url("").replace(/\/$/, ""));
    expect(claims.sub).toBe("https://hocvuso.test");
    // Only the browser can read it: the body is not the text, and decrypts with the browser's keys to it.
    expect(request.body.includes(Buffer.from("tối nay"))).toBe(false);
    // web-push's own decryption library (RFC 8188), as the browser would decrypt it.
    const ece = createRequire(import.meta.url)("http_ece") as {
      decrypt(buffer: Buffer, params: Record<string, unknown>): Buffer;
    };
    const plain = ece.decrypt(request.body, {
      version: "aes128gcm",
      privateKey: browser.ecdh,
      authSecret: browser.auth.toString("base64url"),
    });
    expect(JSON.parse(plain.toString())).toEqual({
      title: "Trợ lý Bình dân học vụ số",
      body: "Họp tổ tối nay lúc 19:30",
      url: "/",
    });
  });

  it("keeps one VAPID key pair in the store, shared by every instance", async () => {
    const store = await tempStore();
    const [a, b] = await Promise.all([vapidKeys(store)(), vapidKeys(store)()]);
    expect(a).toEqual(b);
    expect(Buffer.from(a.publicKey, "base64url")).toHaveLength(65);
  });

  it("a 410 from the push service forgets the subscription and marks the learner unreachable on the web", async () => {
    const service = await pushService(() => 410);
    const store = await tempStore();
    await new PushSubscriptions(store).save("gone", {
      endpoint: service.url("/push/gone"),
      keys: browserKeys().keys,
    });

    expect(await sender(store).send("gone", [{ text: "Thông báo" }])).toEqual({ status: "unreachable" });
    expect(await new PushSubscriptions(store).has("gone")).toBe(false);
    expect(await new Reachability(store).isReachable("web", "gone")).toBe(false);
  });

  it("a session without a subscription is unreachable and nothing is sent", async () => {
    const service = await pushService();
    const store = await tempStore();
    expect(await sender(store).send("never-opted-in", [{ text: "Thông báo" }])).toEqual({
      status: "unreachable",
    });
    expect(service.received).toHaveLength(0);
  });

  it("broadcasts reach web learners through the same outbox: sent to the subscribed, 410 counted unreachable", async () => {
    const service = await pushService((path) => (path.endsWith("/w1") ? 410 : 201));
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock("2026-12-01T02:00:00Z");
    const people = await seedLearners(store, 3, { channel: "web", prefix: "w" });
    const subscriptions = new PushSubscriptions(store);
    for (const id of ["w0", "w1"])
      await subscriptions.save(id, { endpoint: service.url(`/push/${id}`), keys: browserKeys().keys });
    const { id } = await org.outbox.create(
      {
        kind: "notice",
        text: "Họp tổ",
        audienceLabel: "cả phường",
        createdBy: "telegram:admin",
        sendAt: clock.now(),
        urgent: false,
      },
      people,
      clock.now(),
    );
    await testRuntime(org, { web: sender(store) }, clock).runOnce();
    expect(await org.outbox.counts(id)).toMatchObject({ sent: 1, unreachable: 2 });
    expect(service.received.map((r) => r.path).sort()).toEqual(["/push/w0", "/push/w1"]);
    expect(await new Reachability(store).isReachable("web", "w1")).toBe(false);
  });

  it("review reminders reach a subscribed web learner as a notification, through the same sender", async () => {
    const service = await pushService();
    const store = await tempStore();
    const browser = browserKeys();
    await new PushSubscriptions(store).save("reviewer", {
      endpoint: service.url("/push/r"),
      keys: browser.keys,
    });
    const reviews = new ReviewSchedule(store);
    await reviews.answeredWrong("web:reviewer", "vneid-01", new Date("2026-11-25T03:00:00Z"));
    await new LearnerStore(store).setRemind("web:reviewer", true);
    const clock = fakeClock("2026-11-27T02:00:00Z");
    const org = testOrganizer(store);
    const reminder = { text: "Hôm nay bạn có câu cần ôn lại." };
    await testRuntime(org, { web: sender(store) }, clock, { reviewReminder: reminder }).runOnce();
    expect(service.received).toHaveLength(1);
    const ece = createRequire(import.meta.url)("http_ece") as {
      decrypt(buffer: Buffer, params: Record<string, unknown>): Buffer;
    };
    const plain = ece.decrypt((service.received[0] as Received).body, {
      version: "aes128gcm",
      privateKey: browser.ecdh,
      authSecret: browser.auth.toString("base64url"),
    });
    expect(JSON.parse(plain.toString()).body).toBe("Hôm nay bạn có câu cần ôn lại.");
  });
});
