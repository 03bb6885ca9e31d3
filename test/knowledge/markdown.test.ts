import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/knowledge/markdown.ts";

describe("splitSentences", () => {
  it("splits prose at full stops, question marks and line breaks", () => {
    expect(splitSentences("Mở ứng dụng. Bấm nút gửi?\nXong rồi!")).toEqual([
      "Mở ứng dụng.",
      "Bấm nút gửi?",
      "Xong rồi!",
    ]);
  });

  it("keeps a quoted example whole even when it holds full stops of its own", () => {
    expect(splitSentences('Hãy thử gõ: "Tôi 68 tuổi. Giải thích trong 5 câu ngắn." Rồi bấm gửi.')).toEqual([
      'Hãy thử gõ: "Tôi 68 tuổi. Giải thích trong 5 câu ngắn."',
      "Rồi bấm gửi.",
    ]);
  });

  it("never joins lines because a quotation was left open on one of them", () => {
    expect(splitSentences('Gõ "xin chào.\nDòng sau.')).toEqual(['Gõ "xin chào.', "Dòng sau."]);
  });
});
