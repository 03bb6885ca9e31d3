import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learningMessages } from "../../src/catalog/assistant-learning.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { ReviewSchedule } from "../../src/learning/review-schedule.ts";
import { Classes } from "../../src/organizer/classes.ts";
import { Outbox } from "../../src/organizer/outbox.ts";
import { scheduleClassReminders } from "../../src/organizer/scheduler.ts";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { redisTarget } from "../../src/storage/redis/redis-target.ts";
import { startBotApis } from "../helpers/bot-apis.ts";
import { ROOT, type Running, startAssistant, waitHealthy } from "../helpers/process.ts";
import { cleanTestRedis, connectTestRedis, REDIS_URL } from "../helpers/redis.ts";
import { clusterToolsPresent, type LocalCluster, startLocalCluster } from "../helpers/redis-cluster.ts";
import {
  BROADCAST_TEXT,
  count,
  dayNow,
  HOUR,
  post,
  SHIFT_MS,
  seedLearner,
  TELEGRAM_SECRET,
  TELEGRAM_TOKEN,
  telegramUpdate,
  tgBroadcast,
  tgChat,
  tgClass,
  tgReview,
  waitUntil,
  ZALO_SECRET,
  zaloBroadcast,
  zaloChat,
  zaloReview,
  zaloUpdate,
} from "./working-day.ts";

/**
 * Three assistant processes on one Redis through a working day played in a few minutes: Telegram and Zalo
 * webhooks spread across them (some delivered twice, to different instances), the morning's review
 * reminders, a class's 1-hour reminder, and a broadcast whose sending instance is killed with SIGKILL.
 */
let single: RedisStore | null = null;
let cluster: LocalCluster | null = null;
let clustered: RedisStore | null = null;
const prefix = `test:day-${randomUUID()}:`;
let dataDir = "";
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hvs-day-"));
  const probe = await connectTestRedis(); // skips with a notice without Redis, fails when REQUIRE_REDIS=1
  if (!probe) return;
  await probe.close();
  single = await RedisStore.connect({ url: REDIS_URL, prefix, commandTimeoutMs: 5000 });
  if (!clusterToolsPresent()) return;
  cluster = await startLocalCluster();
  const target = redisTarget(undefined, cluster.nodes);
  if (target) clustered = await RedisStore.connect({ url: target, prefix, commandTimeoutMs: 5000 });
}, 90_000);
afterAll(async () => {
  if (single) await cleanTestRedis(single);
  await clustered?.close();
  await cluster?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("three instances through a working day", () => {
  it("on one Redis: handle every update once, deliver every notice and reminder once, and hand a killed sender's broadcast to a survivor", async ({
    skip,
  }) => {
    if (!single) return skip();
    await playDay(single, { REDIS_URL });
  }, 300_000);

  it("on a three-master Redis Cluster: the same day, the same guarantees", async ({ skip }) => {
    if (!clustered || !cluster) return skip();
    await playDay(clustered, { REDIS_CLUSTER_NODES: cluster.nodes });
  }, 300_000);
});

/** The day itself, on the given store; `redis` is what the instances are told to connect to. */
async function playDay(s: RedisStore, redis: Record<string, string>): Promise<void> {
  const apis = await startBotApis();
  const instances: Running[] = [];
  try {
    // Morning: who gets review reminders, and a class starting in an hour with people going.
    for (const id of [...tgReview.map((u) => `telegram:${u}`), ...zaloReview.map((u) => `zalo:${u}`)]) {
      await seedLearner(s, id);
      await new LearnerStore(s).setRemind(id, true);
      // Answered wrong a day before they fall due: one and two hours ago.
      const reviews = new ReviewSchedule(s);
      await reviews.answeredWrong(id, "q-1", new Date(dayNow().getTime() - 25 * HOUR));
      await reviews.answeredWrong(id, "q-2", new Date(dayNow().getTime() - 26 * HOUR));
    }
    const classes = new Classes(s);
    const lesson = await classes.create(
      {
        topic: "Cài VNeID",
        startsAt: new Date(dayNow().getTime() + HOUR + 5_000),
        place: "Nhà văn hóa tổ 5",
        audience: {},
        capacity: 40,
        createdBy: "telegram:1",
      },
      dayNow(),
    );
    for (const u of tgClass) {
      await seedLearner(s, `telegram:${u}`);
      expect((await classes.rsvp(lesson.id, `telegram:${u}`, "join", dayNow())).status).toBe("going");
    }
    await scheduleClassReminders(s, lesson, dayNow());
    for (const id of [...tgBroadcast.map((u) => `telegram:${u}`), ...zaloBroadcast.map((u) => `zalo:${u}`)])
      await seedLearner(s, id);

    // The first instance builds the retrieval index into the shared DATA_DIR (with Redis it holds only that
    // cache); the others then read it instead of building it three times over on two cores.
    const starting = Date.now();
    for (let n = 0; n < 3; n++) {
      if (n === 1) await waitHealthy(instances[0] as Running, 120_000);
      instances.push(
        await startAssistant({
          ...redis,
          REDIS_PREFIX: prefix,
          DATA_DIR: dataDir,
          CERT_SECRET: "several-instances-cert-secret-0123456789",
          TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          TELEGRAM_WEBHOOK_URL: "https://hocvuso.example.vn/webhook/telegram",
          TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
          TELEGRAM_API_ROOT: apis.rootFor("telegram", n),
          ZALO_BOT_TOKEN: "zalo-several-instances-token",
          ZALO_WEBHOOK_URL: "https://hocvuso.example.vn/webhook/zalo",
          ZALO_WEBHOOK_SECRET: ZALO_SECRET,
          ZALO_API_ROOT: apis.rootFor("zalo", n),
          ZALO_SEND_INTERVAL_MS: "0",
          BROADCAST_RATE_PER_S: "15",
          BROADCAST_CHAT_SPACING_MS: "0",
          NODE_OPTIONS: `--import=${join(ROOT, "test", "helpers", "clock-shift.mjs")}`,
          TEST_CLOCK_SHIFT_MS: String(SHIFT_MS),
        }),
      );
    }
    for (const instance of instances) await waitHealthy(instance, 120_000);
    const startMs = Date.now() - starting;

    // The day's chats: each resident's "xin chào" reaches one instance; every third is redelivered
    // by the platform to another instance.
    let updateId = 880_000;
    const tgCalls: Promise<number>[] = [];
    tgChat.forEach((u, i) => {
      const update = telegramUpdate(u, ++updateId);
      const url = (n: number) => `${instances[n % 3]?.url}/webhook/telegram`;
      const header = "x-telegram-bot-api-secret-token";
      tgCalls.push(post(url(i), header, TELEGRAM_SECRET, update));
      if (i % 3 === 0) tgCalls.push(post(url(i + 1), header, TELEGRAM_SECRET, update));
    });
    zaloChat.forEach((u, i) => {
      const update = zaloUpdate(u, `zmsg-${i}`);
      const url = (n: number) => `${instances[n % 3]?.url}/webhook/zalo`;
      tgCalls.push(post(url(i + 2), "x-bot-api-secret-token", ZALO_SECRET, update));
      if (i % 3 === 0) tgCalls.push(post(url(i), "x-bot-api-secret-token", ZALO_SECRET, update));
    });
    expect(new Set(await Promise.all(tgCalls))).toEqual(new Set([200]));
    const chats = new Set([...tgChat, ...zaloChat]);
    await waitUntil(
      "a reply to every resident",
      () =>
        new Set(
          apis
            .sent()
            .filter((m) => chats.has(m.chat))
            .map((m) => m.chat),
        ).size === chats.size,
      60_000,
    );

    // The afternoon notice: the instance that takes its lease is killed after ~40 sends.
    const outbox = new Outbox(s);
    const recipients = [...tgBroadcast.map((u) => `telegram:${u}`), ...zaloBroadcast.map((u) => `zalo:${u}`)];
    const { id } = await outbox.create(
      {
        kind: "notice",
        text: BROADCAST_TEXT,
        audienceLabel: "tổ 5",
        createdBy: "telegram:1",
        sendAt: dayNow(),
        urgent: false,
      },
      recipients,
      dayNow(),
    );
    const notices = () => apis.sent().filter((m) => m.text.includes(BROADCAST_TEXT));
    await waitUntil("the broadcast under way", () => notices().length >= 40, 60_000);
    const victim = notices()[0]?.instance as number;
    instances[victim]?.child.kill("SIGKILL");
    await instances[victim]?.exited;
    const killedAt = Date.now();
    await waitUntil(
      "the broadcast finished by a survivor",
      async () => (await outbox.get(id))?.status === "done",
      90_000,
    );
    const finishMs = Date.now() - killedAt;

    // Every update handled once: a resident whose message came twice got as many replies as one whose
    // message came once.
    const replies = count(
      apis
        .sent()
        .filter((m) => chats.has(m.chat))
        .map((m) => m.chat),
    );
    const perResident = new Set(replies.values());
    expect(perResident.size).toBe(1);
    expect([...perResident][0]).toBeGreaterThanOrEqual(1);

    // Review reminders and the class reminder: each to its people exactly once, by one instance.
    await waitUntil(
      "the class reminder",
      () =>
        new Set(
          apis
            .sent()
            .filter((m) => tgClass.includes(m.chat))
            .map((m) => m.chat),
        ).size === tgClass.length,
      30_000,
    );
    const reviewPeople = [...tgReview, ...zaloReview];
    const reminded = count(
      apis
        .sent()
        .filter((m) => reviewPeople.includes(m.chat))
        .map((m) => m.chat),
    );
    expect([...reminded.keys()].sort()).toEqual([...reviewPeople].sort());
    expect([...reminded.values()].every((n) => n === 1)).toBe(true);
    expect(apis.sent().find((m) => reviewPeople.includes(m.chat))?.text).toContain(
      learningMessages.remindText,
    );
    const classSends = apis.sent().filter((m) => tgClass.includes(m.chat));
    expect(classSends).toHaveLength(tgClass.length);
    expect(classSends.every((m) => m.text.includes("Cài VNeID"))).toBe(true);

    // The broadcast: nobody twice, nobody lost (delivered, or reported ambiguous: in flight at the kill),
    // and the lease moved to a survivor, which sent the rest.
    const delivered = count(notices().map((m) => m.chat));
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    // Per-person states are dropped when a broadcast ends; its final counts stay.
    const final = (await outbox.get(id))?.final;
    expect(final).toMatchObject({ pending: 0, sending: 0, failed: 0, unreachable: 0 });
    const ambiguous = final?.ambiguous ?? Number.NaN;
    expect((final?.sent ?? 0) + ambiguous).toBe(recipients.length);
    expect(ambiguous).toBeLessThanOrEqual(8); // at most the sends in flight when the sender died
    const chatOf = (person: string) => person.slice(person.indexOf(":") + 1);
    const missing = recipients.filter((person) => !delivered.has(chatOf(person)));
    expect(missing.length).toBeLessThanOrEqual(ambiguous);
    expect(delivered.size).toBeGreaterThanOrEqual(final?.sent ?? Number.POSITIVE_INFINITY);
    const after = notices().filter((m) => m.at > killedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((m) => m.instance !== victim)).toBe(true);
    console.info(
      `  working day: ${chats.size} residents answered once each, ${reminded.size} review and ${classSends.length} class reminders once each; broadcast ${delivered.size}/${recipients.length} delivered once, ${ambiguous} ambiguous at the kill, ${after.length} sent by a survivor; 3 instances healthy in ${startMs} ms, broadcast finished ${finishMs} ms after the kill`,
    );
  } finally {
    for (const instance of instances)
      if (instance.child.exitCode === null && instance.child.signalCode === null)
        instance.child.kill("SIGKILL");
    await apis.close();
  }
}
