import { describe, expect, it } from "vitest";
import type { Contact } from "../../src/knowledge/schema.ts";
import { withLocalContacts } from "../../src/tutor/local-contacts.ts";
import type { Tutor, TutorAnswer } from "../../src/tutor/tutor.ts";

const answerOf = (text: string): TutorAnswer => ({
  refused: false,
  text,
  sources: [],
  parts: { direct: text, points: [], citation: "Xem bài: Thử" },
});
const fixed = (text: string): Tutor => ({
  answer: async () => answerOf(text),
  explain: async () => answerOf(text),
});
const contacts: Contact[] = [
  { id: "cong-an-phuong", name: "Công an phường", kind: "place", value: "Số 1 đường Thử, sáng 7h30–11h30" },
  { id: "tram-y-te", name: "Trạm Y tế phường", kind: "place", value: "" },
];

describe("local contacts in answers", () => {
  it("adds a filled office's address where the answer sends the resident there", async () => {
    const tutor = withLocalContacts(fixed("Mang thẻ căn cước đến Công an phường để đăng ký."), {
      list: async () => contacts,
    });
    const answer = await tutor.answer("dang ky muc 2 o dau");
    expect(answer.text).toContain("📍 Công an phường: Số 1 đường Thử, sáng 7h30–11h30");
    expect(answer.parts?.points).toContain("📍 Công an phường: Số 1 đường Thử, sáng 7h30–11h30");
  });

  it("adds nothing for an office not yet filled in, nor for one the answer does not mention", async () => {
    const tutor = withLocalContacts(fixed("Có bệnh thì hỏi Trạm Y tế phường."), {
      list: async () => contacts,
    });
    expect((await tutor.answer("kham o dau"))?.text).toBe("Có bệnh thì hỏi Trạm Y tế phường.");
  });
});
