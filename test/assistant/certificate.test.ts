import { describe, expect, it } from "vitest";
import { Certificates } from "../../src/learning/certificates.ts";
import { certKey } from "../../src/learning/record-keys.ts";
import { onboard, tempStore, testAssistant, testCurriculum } from "../helpers/core.ts";
import { takeModuleQuiz } from "../helpers/quiz.ts";

const web = (userId: string) => ({ channel: "web" as const, userId });
// A certificate needs a person the ward can stand behind: here, a Telegram account.
const tg = (userId: string) => ({ channel: "telegram" as const, userId });

describe("certification", () => {
  it("issues one certificate when the last required module is passed, with the chosen name", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store, undefined, () => new Date("2026-11-26T10:00:00Z"));
    const curriculum = await testCurriculum();
    await onboard(assistant, "c1", "nguoi-dan", { text: "5" }, { channel: "telegram" });
    const required = curriculum.paths.groups["nguoi-dan"].required;

    const before = await assistant.handle({ ...tg("c1"), text: "/chungnhan" });
    expect(before[0]?.text).toContain(`Còn ${required.length} chủ đề`);

    let last: Awaited<ReturnType<typeof assistant.handle>> = [];
    for (const module of required)
      last = await takeModuleQuiz(assistant, curriculum, "c1", module, 10, "telegram");
    expect(last.at(-1)?.text).toContain("in tên nào");
    const bad = await assistant.handle({ ...tg("c1"), text: "12345" });
    expect(bad[0]?.text).toContain("2 đến 60 chữ cái");
    const issued = await assistant.handle({ ...tg("c1"), text: "Nguyễn Thị Lan" });
    const text = issued[0]?.text ?? "";
    expect(text).toMatch(/Chứng nhận học tập số HVS-26-[2-9A-Z]{6}/);
    expect(text).toContain("Họ và tên: Nguyễn Thị Lan");
    expect(text).toContain("Tổ dân phố: Tổ 5");
    expect(text).toContain("Ngày cấp: 26/11/2026");
    expect(text).toContain("binhdanhocvuso.gov.vn");
    const id = /HVS-26-\w{6}/.exec(text)?.[0] as string;
    expect(issued[0]?.link?.url).toMatch(
      new RegExp(`^https://hocvuso.test/chung-nhan/${id}\\?k=[0-9a-f]{16}$`),
    );

    // Passing again, asking again: still the same, single certificate.
    await takeModuleQuiz(assistant, curriculum, "c1", required[0] as string, 10, "telegram");
    const again = await assistant.handle({ ...tg("c1"), text: "/chungnhan" });
    expect(again[0]?.text).toContain(id);
    const certificates = new Certificates(store, "test-secret");
    expect(await certificates.ids()).toEqual([id]);

    const key = new URL(issued[0]?.link?.url as string).searchParams.get("k") as string;
    expect((await certificates.verify(id, key)).status).toBe("valid");
  });

  it("tells a learner without a group how to register before /chungnhan", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("c2"), text: "hi" });
    const replies = await assistant.handle({ ...web("c2"), text: "/chungnhan" });
    expect(replies[0]?.text).toContain("chọn một lựa chọn"); // still answering the consent question
    await assistant.handle({ ...web("c2"), action: "v1:consent:no" });
    const guest = await assistant.handle({ ...web("c2"), text: "/chungnhan" });
    expect(guest[0]?.text).toContain("/batdau");
  });
});

describe("certificate records", () => {
  const details = {
    name: "Trần Văn Ba",
    group: "lao-dong" as const,
    to: "Tổ 3",
    modules: ["vneid", "an-toan-so"],
  };

  it("detects a tampered field, a wrong printed key and a revocation", async () => {
    const store = await tempStore();
    const certificates = new Certificates(store, "s3cret");
    const { certificate } = await certificates.issue("web:p1", details, new Date("2026-05-01T00:00:00Z"));
    expect(certificate.issuedOn).toBe("2026-05-01");
    expect((await certificates.verify(certificate.id)).status).toBe("valid");
    expect((await certificates.verify(certificate.id, "0".repeat(16))).status).toBe("invalid");
    expect((await new Certificates(store, "other-secret").verify(certificate.id)).status).toBe("invalid");

    // Tampering bypasses the owner on purpose: someone editing the stored record, found by the owner's key.
    await store.hset(certKey(certificate.id), { name: "Người Khác" });
    expect((await certificates.verify(certificate.id)).status).toBe("invalid");
    await store.hset(certKey(certificate.id), { name: details.name });

    await certificates.revoke(certificate.id, "Cấp nhầm", new Date());
    const revoked = await certificates.verify(certificate.id);
    expect(revoked).toMatchObject({ status: "revoked", certificate: { revokeReason: "Cấp nhầm" } });
  });

  it("issues exactly once even when two issues race", async () => {
    const store = await tempStore();
    const certificates = new Certificates(store, "s3cret");
    const results = await Promise.all([
      certificates.issue("web:p2", details, new Date()),
      certificates.issue("web:p2", details, new Date()),
    ]);
    expect(results.map((r) => r.certificate.id)[0]).toBe(results[1]?.certificate.id);
    expect(results.filter((r) => r.fresh)).toHaveLength(1);
    expect(await certificates.ids()).toHaveLength(1);
  });

  it("rejects malformed ids without touching the store", async () => {
    const certificates = new Certificates(await tempStore(), "s3cret");
    for (const id of ["../../etc/passwd", "HVS-26-0OIL10", "", "hvs-26-abcdef"]) {
      expect((await certificates.verify(id)).status).toBe("invalid");
    }
  });
});
