import { describe, expect, it } from "vitest";
import type { Curriculum } from "../../src/knowledge/types.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { tempStore, testAssistant, testCurriculum } from "../helpers/core.ts";
import { actionsOf, callbackUpdate, testChannel, textUpdate } from "./telegram/helpers.ts";
import { webhookHarness } from "./zalo/harness.ts";

/** Reads a quiz question as a Zalo learner sees it and returns the letter of the right (or a wrong) answer. */
function letterFor(curriculum: Curriculum, shown: string, right: boolean): string {
  const [, asked = "", ...lines] = shown.split("\n");
  const question = [...curriculum.quizzes.values()].flat().find((q) => q.question === asked);
  if (!question) throw new Error(`not a question: ${asked}`);
  const wanted = question.options.filter((o) => Boolean(o.correct) === right).map((o) => o.text);
  const line = lines.find((l) => wanted.includes(l.slice(3)));
  if (!line) throw new Error("answer line not found");
  return line[0] as string;
}

describe("a learner's journey across channels", () => {
  it("takes a whole module quiz on Zalo by typing letters and numbers, then sees the module passed", async () => {
    const h = await webhookHarness();
    const curriculum = await testCurriculum();
    const user = "zalo-quiz-1";
    for (const text of ["xin chào", "1", "4", "5", "2"]) await h.say(text, user);
    expect(await new LearnerStore(h.store).get(`zalo:${user}`)).toMatchObject({ step: "ready", to: "Tổ 5" });

    let sent = await h.say("/kiemtra", user);
    const topics = sent.at(-1) ?? "";
    const vneid = /(\d+)\. Định danh điện tử VNeID/.exec(topics)?.[1] ?? /(\d+)\. .*VNeID/.exec(topics)?.[1];
    expect(vneid).toBeDefined();
    sent = await h.say(vneid as string, user);
    expect(sent.join("\n")).toContain("(10 câu)");
    for (let n = 1; n <= 10; n++) {
      const question = sent.find((t) => t.startsWith(`Câu ${n}/10`)) as string;
      expect(question).toMatch(/Trả lời A, B(, C)? hoặc [CD] \(hoặc số 1 đến [34]\)/);
      const letter = letterFor(curriculum, question, n <= 9);
      // Half the answers typed as a lowercase letter, half as a number: both map to the same option.
      const typed = n % 2 ? letter.toLowerCase() : String("ABCD".indexOf(letter) + 1);
      sent = await h.say(typed, user);
      expect(sent[0]).toMatch(n <= 9 ? /^✅ Đúng rồi/ : /^❌ Chưa đúng/);
    }
    expect(sent.join("\n")).toContain("đúng 9/10");
    expect(await new ProgressStore(h.store).module(`zalo:${user}`, "vneid")).toMatchObject({ status: "dat" });
    const progress = await h.say("/tiendo", user);
    expect(progress[0]).toMatch(/✅ [^\n]*VNeID/);
  });

  it("links a Telegram account and a Zalo account with a one-time code so progress follows the person", async () => {
    const store = await tempStore();
    const curriculum = await testCurriculum();
    const { channel: telegram, telegram: api } = await testChannel({
      store,
      assistant: await testAssistant(store),
    });
    const zalo = await webhookHarness({ store });
    const TG = 7770001;

    await telegram.handleUpdate(textUpdate(TG, "/start"));
    for (const action of ["v1:consent:yes", "v1:group:nguoi-dan", "v1:to-skip", "v1:mode:normal"]) {
      await telegram.handleUpdate(callbackUpdate(TG, action, api.lastMessageId()));
    }
    await telegram.handleUpdate(callbackUpdate(TG, "v1:quiz:an-toan-so", api.lastMessageId()));
    for (let n = 0; n < 10; n++) {
      const shown = api.sent().at(-1);
      const letter = letterFor(curriculum, String(shown?.text).replace(/<\/?b>/g, ""), true);
      const action = actionsOf(shown)["ABCD".indexOf(letter)] as string;
      await telegram.handleUpdate(callbackUpdate(TG, action, api.lastMessageId()));
    }
    api.clear();
    await telegram.handleUpdate(textUpdate(TG, "/lienket"));
    const code = /\/lienket (\d{8})/.exec(String(api.sent()[0]?.text))?.[1];
    expect(code).toMatch(/^\d{8}$/);

    const linked = await zalo.say(`/lienket ${code}`, "zalo-person-9");
    expect(linked[0]).toContain("Đã liên kết");
    const progress = await zalo.say("/tiendo", "zalo-person-9");
    expect(progress[0]).toMatch(/✅ [^\n]*An toàn/);
    const reused = await zalo.say(`/lienket ${code}`, "zalo-someone-else");
    expect(reused[0]).toContain("không đúng hoặc đã hết hạn");
  });
});
