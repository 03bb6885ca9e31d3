import type { BaseMessage } from "@langchain/core/messages";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it, vi } from "vitest";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import { createLlmTutor } from "../../src/tutor/llm-tutor.ts";
import { silentLogger, testCurriculum, testIndex } from "../helpers/core.ts";

async function llmTutor(model: FakeListChatModel, timeoutMs = 2000) {
  const calls: string[] = [];
  const tutor = createLlmTutor({
    model,
    extractive: createExtractiveTutor({ index: await testIndex() }),
    index: await testIndex(),
    curriculum: await testCurriculum(),
    wardName: "phường Thử Nghiệm",
    logger: silentLogger,
    timeoutMs,
    onCall: (outcome) => calls.push(outcome),
  });
  return { tutor, calls };
}

const promptText = (spy: ReturnType<typeof vi.spyOn>) =>
  ((spy.mock.calls[0]?.[0] ?? []) as BaseMessage[]).map((m) => String(m.content)).join("\n");

describe("LLM tutor", () => {
  it("answers from the model and keeps the lesson citation", async () => {
    const model = new FakeListChatModel({
      responses: [
        "1. Mở ứng dụng VNeID.\n2. Chọn Kích hoạt tài khoản.\n\nXem bài: Kích hoạt tài khoản định danh điện tử",
      ],
    });
    const { tutor, calls } = await llmTutor(model);
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(answer.refused).toBe(false);
    expect(answer.text).toContain("1. Mở ứng dụng VNeID.");
    expect(answer.text.match(/Xem bài:/g)).toHaveLength(1);
    expect(answer.sources[0]?.lesson).toBe("vneid/kich-hoat");
    expect(calls).toEqual(["ok"]);
  });

  it("adds the citation when the model forgets it", async () => {
    const { tutor } = await llmTutor(
      new FakeListChatModel({ responses: ["Bạn mở ứng dụng VNeID rồi làm theo hướng dẫn."] }),
    );
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(answer.text).toMatch(/Xem bài: .+$/);
  });

  it("removes an invented URL and phone number but keeps listed ones", async () => {
    const model = new FakeListChatModel({
      responses: [
        "Vào vneid-kichhoat.com hoặc gọi 0987 654 321 để được hỗ trợ. Báo lừa đảo tới 156. Xem thêm dichvucong.gov.vn.",
      ],
    });
    const { tutor } = await llmTutor(model);
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(answer.text).not.toContain("vneid-kichhoat.com");
    expect(answer.text).not.toContain("0987");
    expect(answer.text).toContain("156");
    expect(answer.text).toContain("dichvucong.gov.vn");
    // The sentence the invented contacts stood in goes with them: no "Vào hoặc gọi để được hỗ trợ." left.
    expect(answer.text).not.toContain("để được hỗ trợ");
    expect(answer.text).toMatch(/^Báo lừa đảo tới 156\. Xem thêm dichvucong\.gov\.vn\./);
  });

  it("sends the retrieved passages and a redacted question, never the personal data", async () => {
    const model = new FakeListChatModel({ responses: ["Trả lời."] });
    const spy = vi.spyOn(model, "invoke");
    const { tutor } = await llmTutor(model);
    await tutor.answer("cccd của tôi là 001234567890, sđt 0912345678, kích hoạt vneid thế nào");
    const sent = promptText(spy);
    expect(sent).toContain("[số định danh]");
    expect(sent).toContain("[số điện thoại]");
    expect(sent).not.toContain("001234567890");
    expect(sent).not.toContain("0912345678");
    expect(sent).toContain("vneid/kich-hoat");
  });

  it("falls back to the extractive answer when the model fails", async () => {
    const model = new FakeListChatModel({ responses: ["never used"] });
    vi.spyOn(model, "invoke").mockRejectedValue(Object.assign(new Error("boom"), { code: "ECONNRESET" }));
    const { tutor, calls } = await llmTutor(model);
    const answer = await tutor.answer("cách kích hoạt vneid");
    const extractive = await createExtractiveTutor({ index: await testIndex() }).answer(
      "cách kích hoạt vneid",
    );
    expect(answer.text).toBe(extractive.text);
    expect(answer.text).toMatch(/\n1\. Mở ứng dụng VNeID/);
    expect(answer.text).toContain("Xem bài:");
    expect(calls).toEqual(["error"]);
  });

  it("falls back to the extractive answer when the model is too slow", async () => {
    const model = new FakeListChatModel({ responses: ["too late"] });
    vi.spyOn(model, "invoke").mockReturnValue(new Promise(() => {}));
    const { tutor, calls } = await llmTutor(model, 50);
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(answer.text).toContain("Xem bài:");
    expect(calls).toEqual(["timeout"]);
  });

  it("refuses out-of-scope questions without calling the model", async () => {
    const model = new FakeListChatModel({ responses: ["Giá vàng hôm nay là…"] });
    const spy = vi.spyOn(model, "invoke");
    const { tutor } = await llmTutor(model);
    const answer = await tutor.answer("giá vàng hôm nay bao nhiêu");
    expect(answer.refused).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });
});
