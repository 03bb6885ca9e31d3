import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainMessage, withoutCourtesy, withoutStretching } from "../../src/retrieval/chat-habits.ts";
import { testIndex } from "../helpers/core.ts";

describe("how residents dress a question in a chat", () => {
  it("reads away a greeting, a 'cho em hỏi' and a closing thanks, typed with or without accents", () => {
    expect(
      withoutCourtesy("Chào em, cho chị hỏi chút: quên mật khẩu VNeID thì làm sao ạ. Cảm ơn em nhiều!"),
    ).toBe("quên mật khẩu VNeID thì làm sao ạ.");
    expect(withoutCourtesy("chao ban, cho minh hoi ko nhan dc otp thi sao, cam on nhieu")).toBe(
      "ko nhan dc otp thi sao,",
    );
    expect(withoutCourtesy("Dạ cho con hỏi cách chuyển tiền")).toBe("cách chuyển tiền");
    expect(withoutCourtesy("alo alo em ơi app căn cước không vào được")).toBe("app căn cước không vào được");
  });

  it("keeps what only looks like courtesy: a question about thanks or whom to ask, a message starting 'Đã'", () => {
    for (const text of [
      "viết lời cảm ơn khách hàng giúp tôi",
      "tôi muốn hỏi ai về vneid",
      "Đã làm mức 2 rồi mà chưa có tin nhắn",
    ])
      expect(withoutCourtesy(text)).toBe(text);
  });

  it("reads away who the message is asked for: 'mẹ em nhờ hỏi', 'hỏi hộ bà ngoại', 'ông nhà tôi muốn biết'", () => {
    const q = "cách cài vneid";
    for (const opening of [
      "Mẹ em nhờ em hỏi giúp:",
      "Con gái bảo tôi hỏi",
      "Bà nội hỏi cháu là",
      "Ông nhà tôi muốn biết",
      "Cô chú nhà bên cạnh nhờ mình hỏi rằng",
      "Cho em hỏi hộ má em với ạ,",
      "Dạ, mấy cụ trong tổ dân phố đang thắc mắc",
      "Thay mặt mấy bác trong tổ, tôi xin hỏi",
      "hang xom nho mk hoi ho",
    ])
      expect(withoutCourtesy(`${opening} ${q}`)).toBe(q);
  });

  it("reads away an opening clause that names someone and asks for them, up to its colon or comma", () => {
    expect(plainMessage("Cô Lan ở tổ dân phố nhờ em hỏi: zalo bị khóa thì làm sao")).toBe(
      "zalo bị khóa thì làm sao",
    );
    expect(plainMessage("Dạ, mình hỏi giúp đứa bạn thân chút nhé, cách chuyển tiền qua app")).toBe(
      "cách chuyển tiền qua app",
    );
  });

  it("keeps the question when it begins in the clause that asks for someone, reading away only the asking", () => {
    expect(plainMessage("Bác tổ phó nhà bên muốn biết người xưng cán bộ xin mã OTP, có đưa không")).toBe(
      "người xưng cán bộ xin mã OTP, có đưa không",
    );
    expect(plainMessage("Ông trưởng thôn cũ nhờ tôi hỏi là đổi số điện thoại rồi, VNeID làm sao")).toBe(
      "đổi số điện thoại rồi, VNeID làm sao",
    );
  });

  it("reads away 'chút', 'một chút' and 'một việc' after whom the message is asked for", () => {
    expect(plainMessage("Em hỏi giúp bà ngoại chút ạ: cách cài VNeID")).toBe("cách cài VNeID");
    expect(plainMessage("cho mình hỏi hộ ông nội một việc, quên mật khẩu zalo")).toBe("quên mật khẩu zalo");
  });

  it("reads away 'thế này:', 'như sau:' that end an opening, not a message that starts with them", () => {
    expect(plainMessage("Chú tổ phó bảo cháu hỏi thế này: chuyển tiền nhầm thì lấy lại sao")).toBe(
      "chuyển tiền nhầm thì lấy lại sao",
    );
    expect(plainMessage("Mẹ em đang thắc mắc việc này, em hỏi giúp mẹ: mức 2 làm ở đâu")).toBe(
      "mức 2 làm ở đâu",
    );
    expect(plainMessage("cái này, có an toàn không")).toBe("cái này, có an toàn không");
  });

  it("keeps what happened to the one asked for, and asking that is the question", () => {
    for (const text of [
      "Trong Zalo có mục Công Dân Số hỏi pháp luật, thủ tục, có tin được không",
      "Mẹ tôi bị lừa mất tiền, muốn biết phải báo ai",
      "con tôi hỏi AI làm bài tập có sao không",
      "mẹ nhờ em cài vneid cho mẹ thì làm sao",
      "bà muốn hỏi ai về lương hưu",
    ])
      expect(plainMessage(text)).toBe(text);
  });

  it("keeps a message that is all courtesy as typed", () => {
    expect(withoutCourtesy("chào em")).toBe("chào em");
    expect(withoutCourtesy("cảm ơn em nhiều")).toBe("cảm ơn em nhiều");
  });

  it("reads letters held down as one, leaving numbers and real double letters alone", () => {
    expect(withoutStretching("dạaaa chỉ e cách chuyển tiền vớiiii")).toBe("dạ chỉ e cách chuyển tiền với");
    expect(withoutStretching("quáaaa trời")).toBe("quá trời");
    expect(withoutStretching("1000 đồng lương hưu, wifi free")).toBe("1000 đồng lương hưu, wifi free");
  });

  it("never throws and reads a plain message the same the second time", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const once = plainMessage(text);
        expect(plainMessage(once)).toBe(once);
      }),
    );
  });

  it("finds the same lesson for a question wrapped in courtesy and stretched letters as for the question alone", async () => {
    const index = await testIndex();
    const top = async (q: string) => (await index.search(q, 3)).hits[0]?.lessonId;
    const plain = "quên mật khẩu vneid thì làm sao";
    expect(await top(`Chào em, cho chị hỏi chút ${plain} ạaa, cảm ơn em nhiều`)).toBe(await top(plain));
    const stretched = "chao ban cho minh hoi quên mật khẩu vneid thì làm saooo";
    expect((await index.search(stretched, 3)).query).toBe((await index.search(plain, 3)).query);
  });
});
