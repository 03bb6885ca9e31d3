import { describe, expect, it } from "vitest";
import { Certificates } from "../../src/learning/certificates.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { onboard, testAssistant, testCurriculum } from "../helpers/core.ts";
import { takeModuleQuiz } from "../helpers/quiz.ts";
import { useTestRedis } from "../helpers/redis.ts";

const redis = useTestRedis();

describe("learning on Redis", () => {
  it("runs quizzes to a certificate with every record in Redis, shared by two instances", async ({
    skip,
  }) => {
    const store = redis();
    if (!store) return skip();
    const curriculum = await testCurriculum();
    const [first, second] = [await testAssistant(store), await testAssistant(store)];
    await onboard(first, "redis-learner", "nguoi-dan", { text: "2" }, { channel: "telegram" });
    const required = curriculum.paths.groups["nguoi-dan"].required;
    // Alternate instances module by module, as a load balancer would.
    for (const [i, module] of required.entries()) {
      await takeModuleQuiz(i % 2 ? second : first, curriculum, "redis-learner", module, 9, "telegram");
    }
    const [issued] = await second.handle({
      channel: "telegram",
      userId: "redis-learner",
      text: "Lê Văn Tám",
    });
    const id = /HVS-\d{2}-\w{6}/.exec(issued?.text ?? "")?.[0] as string;
    expect(id).toBeDefined();
    expect((await new Certificates(store, "test-secret").verify(id)).status).toBe("valid");
    const progress = await new ProgressStore(store).modules("telegram:redis-learner", required);
    expect([...progress.values()].every((p) => p.status === "dat" && p.best === 0.9)).toBe(true);
  });
});
