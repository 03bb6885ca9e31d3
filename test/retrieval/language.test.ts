import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, PHRASES, parseLexicon } from "../../src/retrieval/abbreviations.ts";
import { DiacriticRestorer } from "../../src/retrieval/diacritics.ts";
import { expandTokens, fold, tokenize } from "../../src/retrieval/normalize.ts";
import { queryText } from "../../src/retrieval/query-text.ts";
import { SpellCorrector } from "../../src/retrieval/spelling.ts";
import { testCurriculum } from "../helpers/core.ts";

async function restorer(): Promise<DiacriticRestorer> {
  const curriculum = await testCurriculum();
  return DiacriticRestorer.fromTexts([...curriculum.lessons.values()].map((l) => `${l.title}\n${l.body}`));
}

describe("residents' language", () => {
  it("keeps a lexicon of several hundred shorthand words and phrases as data", () => {
    expect(Object.keys(ABBREVIATIONS).length + Object.keys(PHRASES).length).toBeGreaterThanOrEqual(300);
    const pairs: [string, string][] = [
      ["ko", "không"],
      ["khum", "không"],
      ["bik", "biết"],
      ["dc", "được"],
      ["ntn", "như thế nào"],
      ["sdt", "số điện thoại"],
      ["stk", "số tài khoản"],
    ];
    for (const [typed, meaning] of pairs) expect(ABBREVIATIONS[typed], typed).toContain(meaning);
  });

  it("reads the lexicon format: folded keys, two meanings for a key listed twice, phrases by their spaces", () => {
    const lexicon = parseLexicon(
      "# comment\nĐT\tđiện thoại\nck\tchuyển khoản\nck\tchồng\nbang lai\tgiấy phép lái xe\nbroken line\n",
    );
    expect(lexicon.words.dt).toBe("điện thoại");
    expect(lexicon.words.ck).toBe("chuyển khoản chồng");
    expect(lexicon.phrases["bang lai"]).toBe("giấy phép lái xe");
    expect(Object.keys(lexicon.words)).not.toContain("broken line");
  });

  it("expands teencode beside the typed words", () => {
    expect(expandTokens(tokenize("ko bít chuyển tiền qua đt"))).toEqual(
      expect.arrayContaining(["ko", "không", "bít", "biết", "điện", "thoại"]),
    );
  });

  it("reads amounts, ages and hours typed with a shorthand unit, and southern everyday words", () => {
    const read = (text: string) => expandTokens(tokenize(text));
    expect(read("bị lừa 500k")).toEqual(expect.arrayContaining(["500k", "nghìn", "đồng"]));
    expect(read("ck nhầm 2tr")).toEqual(expect.arrayContaining(["2tr", "triệu", "đồng"]));
    expect(read("e 15t r")).toEqual(expect.arrayContaining(["15t", "tuổi"]));
    expect(read("12h trưa")).toEqual(expect.arrayContaining(["12h", "giờ"]));
    expect(read("xài app làm dùm")).toEqual(expect.arrayContaining(["xài", "dùng", "dùm", "giúp"]));
    expect(read("tôi 15 tuổi")).toEqual(["tôi", "15", "tuổi"]);
  });

  it("puts the accents back on a message typed without them, from the curriculum's own words", async () => {
    const r = await restorer();
    expect(r.restore("quen mat khau vneid").join(" ")).toBe("quên mật khẩu vneid");
    expect(r.restore("kich hoat tai khoan dinh danh dien tu").join(" ")).toBe(
      "kích hoạt tài khoản định danh điện tử",
    );
  });

  it("leaves accented words as typed and unknown words alone", async () => {
    const r = await restorer();
    expect(r.restore("Quên mật khẩu xqzv").join(" ")).toBe("quên mật khẩu xqzv");
  });

  it("keeps a plain word as typed when the writer types accents, restoring it when they do not", async () => {
    const r = await restorer();
    expect(r.restore("hàng xóm xây lấn sang đất nhà tôi").join(" ")).toBe(
      "hàng xóm xây lấn sang đất nhà tôi",
    );
    expect(r.restore("san sang hoc").join(" ")).toBe("sẵn sàng học");
  });

  it("restoring never throws, keeps one word per word, and is idempotent", async () => {
    const r = await restorer();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const once = r.restore(text);
        expect(once).toHaveLength(tokenize(text).length);
        expect(r.restore(once.join(" "))).toEqual(once);
        expect(once.map(fold)).toEqual(tokenize(text).map(fold));
      }),
      { numRuns: 300 },
    );
  });

  it("corrects a missing, extra, changed or swapped letter toward curriculum words", async () => {
    const curriculum = await testCurriculum();
    const spelling = SpellCorrector.fromTexts([...curriculum.lessons.values()].map((l) => l.body));
    // "đăg" is in the lexicon (đang/đăng), so only "mạg" needs correcting.
    expect(spelling.correct("đăg kí trên mạg")).toBe("đăg kí trên mang");
    expect(spelling.correct("vnneid")).toBe("vneid");
    expect(spelling.correct("vnaid")).toBe("vneid");
    expect(spelling.correct("cogn")).toBe("cong");
    expect(spelling.correct("khôgn")).toBe("khong");
    expect(spelling.correct("xqzvw")).toBe("xqzvw");
  });

  it("leaves a well-formed accented word the lessons never use as typed, and corrects a malformed one", () => {
    const spelling = SpellCorrector.fromTexts(["người khuyết tật", "biết", "biết", "người"]);
    // "huyết" is one letter from "khuyết", but its writer typed a real word: "huyết áp" is not "khuyết áp".
    expect(spelling.correct("thuốc huyết áp")).toBe("thuốc huyết áp");
    // "huyêt" is no syllable of the language (a stop final needs its tone): a slip, corrected as before.
    expect(spelling.correct("huyêt")).toBe("khuyet");
  });

  it("reads a real-looking accented slip as the word the lessons often write with those marks", () => {
    const often = (word: string) => Array(6).fill(word).join(" ");
    const spelling = SpellCorrector.fromTexts([
      often("người"),
      often("không"),
      often("phải"),
      often("làm"),
      often("nào"),
    ]);
    // A letter left out: "ngưi", "khôn", "pải" look like syllables but the lessons never write them.
    expect(spelling.correct("ngưi khôn pải")).toBe("nguoi khong phai");
    // Two letters the wrong way round, and a key beside the right one.
    expect(spelling.correct("noà kàm")).toBe("nao lam");
  });

  it("reads a three-letter slip of a neighbouring key, and only of a neighbouring key", () => {
    const spelling = SpellCorrector.fromTexts(["tôi cần hỏi thì như thế"]);
    // y sits beside t, b beside n, j beside h, m beside n.
    expect(spelling.correct("yôi cầb tji mhư")).toBe("toi can thi nhu");
    // q is nowhere near t or h: "qoi" is no slip of "toi" nor "hoi", though one letter changed.
    expect(spelling.correct("qoi")).toBe("qoi");
  });

  it("keeps a slip candidate away from a word the lessons write as typed or write bare more often", () => {
    const spelling = SpellCorrector.fromTexts([
      Array(6).fill("còn").join(" "),
      Array(20).fill("có").join(" "),
      Array(6).fill("muốn").join(" "),
      "món",
      Array(6).fill("khuyết tật").join(" "),
      "huyết huyết huyết",
    ]);
    // "cò" is likelier "có" typed with a wrong mark than "còn" with a letter left out.
    expect(spelling.correct("cò")).toBe("cò");
    // "mốn" is "muốn": far commoner than every form of "mon".
    expect(spelling.correct("mốn")).toBe("muon");
    // A word the lessons write themselves is meant, however near a commoner one.
    expect(spelling.correct("huyết")).toBe("huyết");
  });

  it("takes a left-out letter over an extra one, the commoner slip on a phone keyboard", async () => {
    const spelling = SpellCorrector.fromTexts(["trang web", "tra cứu", "tra cứu", "tra cứu"]);
    expect(spelling.correct("trag")).toBe("trang");
  });

  it("reads a letter typed twice as typed once, even where another word is one letter changed away", () => {
    const spelling = SpellCorrector.fromTexts(["chuyển tiền", "thiện nguyện", "thiện nguyện", "thiện"]);
    expect(spelling.correct("chuyển tiiền")).toBe("chuyển tien");
    expect(spelling.correct("chuyyển tiền")).toBe("chuyen tiền");
  });

  it("swaps two neighbouring letters back, in three-letter syllables too", () => {
    const spelling = SpellCorrector.fromTexts(["tôi muốn chuyển tiền", "tôi", "mạng"]);
    expect(spelling.correct("tio muốn")).toBe("toi muốn");
    expect(spelling.correct("chuyểnn tèin")).toBe("chuyen tien");
    expect(spelling.correct("ti")).toBe("ti");
  });

  it("splits words typed without their spaces into words written often, keeping the marks typed", () => {
    const texts = ["chuyển tiền", "ở phường", "triệu"].flatMap((t) => [t, t, t]);
    const spelling = SpellCorrector.fromTexts(texts);
    expect(spelling.segment("muốn chuyểntiền")).toBe("muốn chuyển tiền");
    expect(spelling.segment("chuyentien")).toBe("chuyen tien");
    expect(spelling.segment("nộp ởphường")).toBe("nộp ở phường");
    expect(spelling.segment("mất 5triệu")).toBe("mất 5 triệu");
    // One run of vowels is one syllable (a slip, left for correct); shorthand units stay whole.
    expect(spelling.segment("tiiền 500k 2tr")).toBe("tiiền 500k 2tr");
    // Parts must be words written often: a name stays whole.
    expect(spelling.segment("shopee")).toBe("shopee");
  });

  it("splits words run together even when the shorthand table knows them run together", () => {
    const texts = ["điện thoại", "điện thoại", "điện thoại"];
    const spelling = SpellCorrector.fromTexts(texts);
    expect(spelling.segment("qua điệnthoại")).toBe("qua điện thoại");
    expect(spelling.segment("qua dienthoai")).toBe("qua dien thoai");
  });

  it("reads a message typed without spaces as the spaced one", async () => {
    const curriculum = await testCurriculum();
    const bodies = [...curriculum.lessons.values()].map((l) => `${l.title}\n${l.body}`);
    const spelling = SpellCorrector.fromTexts(bodies);
    const r = DiacriticRestorer.fromTexts(bodies);
    expect(queryText("cach kichhoat vneid", spelling, r)).toBe(
      queryText("cach kich hoat vneid", spelling, r),
    );
    expect(queryText("cách kíchhoạt vneid", spelling, r)).toBe("cách kích hoạt vneid");
  });

  it("gives a corrected syllable the marks its writer typed", async () => {
    const r = DiacriticRestorer.fromTexts(["hạng nhất", "hàng hóa", "hạng mục", "háng"]);
    expect(r.restore("gửi hang", [undefined, "hàg"]).join(" ")).toBe("gửi hàng");
    expect(r.restore("gửi hang", [undefined, "hạg"]).join(" ")).toBe("gửi hạng");
  });
});
