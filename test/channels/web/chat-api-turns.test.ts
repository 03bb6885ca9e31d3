import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEARNER_COMMANDS } from "../../../src/assistant/commands.ts";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import type { EmbeddedStore } from "../../../src/storage/embedded/embedded-store.ts";
import { httpDeps, tempStoreUnscoped, testAssistant, testCurriculum } from "../../helpers/core.ts";
import { choice } from "../../helpers/quiz.ts";
import { ONBOARDING_INPUTS } from "./onboarding-inputs.ts";

interface WebReply {
  text: string;
  options?: { label: string; action: string; full?: string }[];
  link?: { label: string; url: string };
}

let app: FastifyInstance;
let store: EmbeddedStore;

beforeAll(async () => {
  store = await tempStoreUnscoped();
  app = createHttpServer({
    assistant: await testAssistant(store),
    ...(await httpDeps(store)),
    health: async () => ({ status: "ok" }),
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function say(sessionId: string, input: { text?: string; action?: string }): Promise<WebReply[]> {
  const response = await app.inject({ method: "POST", url: "/api/chat", payload: { sessionId, ...input } });
  expect(response.statusCode).toBe(200);
  return (response.json() as { replies: WebReply[] }).replies;
}

let sessions = 0;
async function learner(): Promise<string> {
  const id = `turns-${++sessions}-session`;
  for (const input of ONBOARDING_INPUTS) await say(id, input);
  return id;
}

const questionOf = (replies: WebReply[]) =>
  replies.find((r) => r.options?.some((o) => o.action.startsWith("v1:ans:")));

describe("the web chat's turns", () => {
  it("gives every quiz answer button its own wording, the same as the question lists", async () => {
    const id = await learner();
    const question = questionOf(await say(id, { action: "v1:quiz:vneid" }));
    const options = question?.options ?? [];
    expect(options.length).toBeGreaterThanOrEqual(2);
    const listed = (question?.text ?? "").split("\n").filter((line) => /^[A-D]\. /.test(line));
    expect(options.map((o) => o.full)).toEqual(listed);
    options.forEach((o, i) => {
      expect(o.label).toBe("ABCD"[i]);
      expect(o.full?.length).toBeGreaterThan(4);
    });
  });

  it("ends a finished quiz with a way on, even when every answer was right", async () => {
    const id = await learner();
    const curriculum = await testCurriculum();
    let replies = await say(id, { action: "v1:lquiz:vneid/kich-hoat" });
    for (let question = questionOf(replies); question; question = questionOf(replies))
      replies = await say(id, { action: choice(curriculum, question, true) });
    expect(replies.map((r) => r.text).join("\n")).toContain("Xong! Bạn trả lời đúng 3/3 câu.");
    expect(replies.at(-1)?.options?.map((o) => o.action)).toEqual(["v1:progress"]);
  });

  it("lists every learner command in /trogiup", async () => {
    const [help] = await say(await learner(), { text: "/trogiup" });
    for (const { command } of LEARNER_COMMANDS) expect(help?.text).toContain(`/${command} `);
    expect(help?.text).toContain("/batdau");
  });

  it("offers to continue a quiz left open when the person comes back", async () => {
    const id = await learner();
    const first = questionOf(await say(id, { action: "v1:quiz:vneid" }));
    await say(id, { action: first?.options?.[0]?.action ?? "" });
    const [back] = await say(id, { action: "v1:back" });
    expect(back?.text).toMatch(/đang làm dở bài .* \(đến câu 2\/10\)/);
    expect(back?.options?.map((o) => o.action)).toEqual(["v1:resume", "v1:cancel"]);
    const resumed = questionOf(await say(id, { action: "v1:resume" }));
    expect(resumed?.text).toContain("2/10");
  });

  it("names an open dialogue when the person comes back, and welcomes back with the menu when nothing is open", async () => {
    const id = await learner();
    const [welcome] = await say(id, { action: "v1:back" });
    expect(welcome?.text).toBe(messages.welcomeBack);
    expect(welcome?.options?.map((o) => o.action)).toContain("v1:modules");

    await say(id, { text: "/diemdanh" });
    const [back] = await say(id, { action: "v1:back" });
    expect(back?.text).toContain("mã điểm danh");
    expect(back?.text).toContain("/huy");
  });

  it("greets a first-time visitor whose page opens with v1:back", async () => {
    const replies = await say("turns-new-visitor", { action: "v1:back" });
    expect(replies.at(-1)?.options?.map((o) => o.action)).toEqual(["v1:consent:yes", "v1:consent:no"]);
  });
});
