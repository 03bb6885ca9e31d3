import { describe, expect, it } from "vitest";
import { vapidKeys } from "../../src/channels/web/vapid.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { createPushOptIn } from "../../src/learning/push-opt-in.ts";
import { PushSubscriptions } from "../../src/learning/push-subscriptions.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import { httpDeps, onboard, tempStore, testAssistant } from "../helpers/core.ts";

const keys = { p256dh: `B${"A".repeat(86)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" };

async function server() {
  const store = await tempStore();
  const assistant = await testAssistant(store);
  const app = createHttpServer({
    ...(await httpDeps(store)),
    assistant,
    health: async () => ({ status: "ok" }),
    push: { optIn: createPushOptIn(store), publicKey: async () => (await vapidKeys(store)()).publicKey },
  });
  const subscribe = (sessionId: string, endpoint: string, k: object = keys) =>
    app.inject({
      method: "POST",
      url: "/api/push/subscribe",
      payload: { sessionId, subscription: { endpoint, expirationTime: null, keys: k } },
    });
  return { store, assistant, app, subscribe };
}

describe("the web push opt-in API", () => {
  it("gives the VAPID public key the browser subscribes with, and the same one on every call", async () => {
    const { app, store } = await server();
    const first = (await app.inject({ url: "/api/push/key" })).json() as { publicKey: string };
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    expect((await app.inject({ url: "/api/push/key" })).json()).toEqual(first);
    expect(first.publicKey).toBe((await vapidKeys(store)()).publicKey);
  });

  it("keeps a consenting learner's subscription, marks them reachable again, and forgets it on unsubscribe", async () => {
    const { app, store, assistant, subscribe } = await server();
    await onboard(assistant, "phone-session");
    await new Reachability(store).markUnreachable("web", "phone-session");
    const response = await subscribe("phone-session", "https://fcm.googleapis.com/fcm/send/abc");
    expect(response.statusCode).toBe(200);
    expect(await new PushSubscriptions(store).get("phone-session")).toEqual({
      endpoint: "https://fcm.googleapis.com/fcm/send/abc",
      keys,
    });
    expect(await new Reachability(store).isReachable("web", "phone-session")).toBe(true);
    const status = await app.inject({
      method: "POST",
      url: "/api/push/status",
      payload: { sessionId: "phone-session" },
    });
    expect(status.json()).toEqual({ subscribed: true });
    await app.inject({
      method: "POST",
      url: "/api/push/unsubscribe",
      payload: { sessionId: "phone-session" },
    });
    expect(await new PushSubscriptions(store).has("phone-session")).toBe(false);
  });

  it("refuses a session that never agreed to have its learning stored (403), keeping nothing", async () => {
    const { store, subscribe } = await server();
    const response = await subscribe("stranger-session", "https://fcm.googleapis.com/fcm/send/abc");
    expect(response.statusCode).toBe(403);
    expect(await new PushSubscriptions(store).has("stranger-session")).toBe(false);
  });

  it("refuses endpoints outside the browsers' push services, so the server never POSTs where a client chose", async () => {
    const { assistant, store, subscribe } = await server();
    await onboard(assistant, "phone-session");
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://127.0.0.1/push",
      "https://169.254.169.254/latest",
      "https://localhost:8443/x",
      "https://fcm.googleapis.com:444/fcm/send/abc",
      "https://evil.example/fcm.googleapis.com",
      "https://fcm.googleapis.com.evil.example/x",
      "not a url",
    ]) {
      const response = await subscribe("phone-session", endpoint);
      expect(response.statusCode, endpoint).toBe(400);
    }
    expect(
      (await subscribe("phone-session", "https://fcm.googleapis.com/x", { p256dh: "short", auth: "x" }))
        .statusCode,
    ).toBe(400);
    expect(await new PushSubscriptions(store).has("phone-session")).toBe(false);
    for (const endpoint of [
      "https://updates.push.services.mozilla.com/wpush/v2/abc",
      "https://wns2-par02p.notify.windows.com/w/?token=abc",
      "https://web.push.apple.com/QGx",
    ])
      expect((await subscribe("phone-session", endpoint)).statusCode, endpoint).toBe(200);
  });

  it("erasing a learner's data forgets their push subscription", async () => {
    const { assistant, store, subscribe } = await server();
    await onboard(assistant, "phone-session");
    await subscribe("phone-session", "https://fcm.googleapis.com/fcm/send/abc");
    await assistant.handle({ channel: "web", userId: "phone-session", text: "/xoadulieu" });
    await assistant.handle({ channel: "web", userId: "phone-session", action: "v1:erase:yes" });
    expect(await new PushSubscriptions(store).has("phone-session")).toBe(false);
  });
});
