import { describe, expect, it } from "vitest";
import { LexicalIndex } from "../../src/retrieval/lexical-index.ts";

const texts = [
  "Không đọc mã OTP cho ai qua điện thoại.",
  "Cài ứng dụng VNeID từ kho ứng dụng chính thức.",
  "Mã OTP là mã dùng một lần, ngân hàng gửi qua tin nhắn.",
  "Đến công an phường để kích hoạt tài khoản định danh.",
];

describe("lexical index", () => {
  it("ranks the documents that share the query's rarer words first, accented or not", () => {
    const index = LexicalIndex.build(texts);
    expect(index.search("ma otp ngan hang", 2).map((h) => h.index)).toEqual([2, 0]);
    expect(index.search("kích hoạt tài khoản", 1).map((h) => h.index)).toEqual([3]);
  });

  it("scores each search on its own, whatever was searched before", () => {
    const fresh = LexicalIndex.build(texts).search("cai vneid", 4);
    const used = LexicalIndex.build(texts);
    used.search("ma otp ngan hang", 4);
    used.search("công an phường", 4);
    expect(used.search("cai vneid", 4)).toEqual(fresh);
  });

  it("keeps the earlier of equally scored documents and returns none that shares no word", () => {
    const same = "Không đọc mã OTP cho ai.";
    const index = LexicalIndex.build(["Trời hôm nay đẹp.", same, "Giá rau hôm nay.", same, same, "Mưa."]);
    expect(index.search("ma otp", 2).map((h) => h.index)).toEqual([1, 3]);
    expect(index.search("ma otp", 10).map((h) => h.index)).toEqual([1, 3, 4]);
    expect(index.search("ma otp", 0)).toEqual([]);
  });

  it("ranks a document that says the word more often first, at equal length", () => {
    const index = LexicalIndex.build(["rau ca thit", "rau rau thit", "gia vang"]);
    expect(index.search("rau", 3).map((h) => h.index)).toEqual([1, 0]);
  });

  it("scores alike when restored from its state", () => {
    const built = LexicalIndex.build(texts);
    const restored = LexicalIndex.restore(built.state());
    expect(restored.search("otp dien thoai", 4)).toEqual(built.search("otp dien thoai", 4));
  });
});
