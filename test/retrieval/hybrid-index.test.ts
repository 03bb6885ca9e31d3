import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCurriculum } from "../../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../../src/retrieval/build-index.ts";
import { CurriculumRetriever } from "../../src/retrieval/curriculum-retriever.ts";
import { HashingEmbeddings } from "../../src/retrieval/hashing-embeddings.ts";
import { codeFingerprint } from "../../src/retrieval/index-cache.ts";
import { testCurriculum, testIndex } from "../helpers/core.ts";

const top = async (q: string) => (await (await testIndex()).search(q, 3)).hits.map((h) => h.lessonId);

describe("hybrid retrieval", () => {
  it("finds the same lesson with and without diacritics", async () => {
    expect((await top("cách kích hoạt VNeID mức 2"))[0]).toBe("vneid/kich-hoat");
    expect((await top("cach kich hoat vneid muc 2"))[0]).toBe("vneid/kich-hoat");
  });

  it("understands teencode and abbreviations", async () => {
    expect(await top("ck nham stk thi lam j")).toContain("thanh-toan-so/an-toan-giao-dich");
    expect(await top("ko nhan dc otp vneid")).toContain("vneid/su-co-thuong-gap");
  });

  it("weighs an app's name as the word typed, not as the longer phrase a lexicon might gloss it with", async () => {
    // Glossed as "định danh điện tử", "vneid" pulled short messages to the lessons saying that phrase most.
    expect((await top("tk vneid bi khoa"))[0]).toBe("vneid/su-co-thuong-gap");
    expect((await top("quen mk vneid"))[0]).toBe("vneid/su-co-thuong-gap");
    // "chatbot" glossed as "trợ lý ảo", and "chatgpt" as "trí tuệ nhân tạo", went the same way.
    expect((await top("chatbot nghĩa là gì"))[0]).toBe("tri-tue-nhan-tao/ai-la-gi");
    expect((await top("chatgpt viet cong van cho can bo dc ko"))[0]).toBe(
      "tri-tue-nhan-tao/tro-ly-ao-cong-vu",
    );
  });

  it("knows a thing by what residents call it when they do not know its name", async () => {
    // "máy trả lời tự động" is the kiosk's chatbot; read without the lexicon's gloss it went to searching with AI.
    expect((await top("máy trả lời tự động ở phường có tin được không"))[0]).toBe(
      "dich-vu-cong/kiosk-ai-tro-ly-ao",
    );
  });

  it("survives typos", async () => {
    expect(await top("kich hoat vneld")).toContain("vneid/kich-hoat");
    expect(await top("nop ho so dich vu cogn")).toContain("dich-vu-cong/nop-ho-so");
  });

  it("corrects residents' slips even though the lessons' asks keep them, with the marks as typed", async () => {
    const index = await testIndex();
    // "mạg" and "hàg" are written that way in some asks, on purpose. "muón" lacks its hat.
    expect(index.prepare("tôi muón nộp hồ sơ trên mạg")).toBe("tôi muốn nộp hồ sơ trên mạng");
    expect(index.prepare("gửi hàg cho khách")).toBe("gửi hàng cho khách");
    // The typed grave, and no breve, outweigh "hằng" being common after "hỏi".
    expect(index.prepare("khách hỏi hàg đi tới đâu")).toBe("khách hỏi hàng đi tới đâu");
  });

  it("weighs a slipped word as the word it was read as in the evidence that a message is in scope", async () => {
    const index = await testIndex();
    const right = "chuyển tiền nhầm tài khoản phải làm sao";
    // "tền" is "tiền" with a letter left out: no ask or out-of-scope example uses it.
    const slipped = "chuyển tền nhầm tài khoản phải làm sao";
    expect(index.prepare(slipped)).toBe(right);
    expect((await index.search(slipped, 3)).scopeOdds).toBeCloseTo(
      (await index.search(right, 3)).scopeOdds,
      6,
    );
  });

  it("restores accents from text written with them, not from asks typed without", async () => {
    const index = await testIndex();
    expect(index.prepare("mat dien thoai co zalo cong ty")).toBe("mất điện thoại có zalo công ty");
    expect(index.prepare("toi bi mat tien")).toBe("tôi bị mất tiền");
  });

  it("restores function words too, so that their neighbours are read in context", async () => {
    const index = await testIndex();
    // "cai" is "cái" beside "là … gì" and "cài" beside an app: left bare, the function words gave no context.
    expect(index.prepare("lam sao cai vneid")).toBe("làm sao cài vneid");
    expect(index.prepare("app dinh danh la cai gi vay")).toBe("app định danh là cái gì vậy");
  });

  it("finds the lesson inside a long, rambling message", async () => {
    const story =
      "Hôm qua mẹ tôi nhận cuộc gọi của một người xưng là công an, nói tài khoản định danh bị lỗi, " +
      "bảo mẹ bấm vào đường link để cài lại ứng dụng VNeID mới cho khỏi bị khóa. Mẹ tôi sợ quá. Vậy có đúng không?";
    expect(
      (await top(story))[0]?.startsWith("vneid/canh-giac-gia-mao") ||
        (await top(story)).includes("an-toan-so/nhan-dien-lua-dao"),
    ).toBe(true);
  });

  it("gives each lesson the sentences its nearest asks' answer cards quote, the nearest ask's first", async () => {
    const hit = (await (await testIndex()).search("nguoi xung cong an goi xin ma otp, co dua khong", 3))
      .hits[0];
    expect(hit?.lessonId).toBe("an-toan-so/otp-mat-khau");
    const ranked = [...(hit?.quotes ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe(
      "Không bao giờ đưa OTP cho ai. Kể cả người xưng công an, nhân viên ngân hàng.",
    );
  });

  it("keeps lesson id, title and heading with every chunk", async () => {
    const result = await (await testIndex()).search("quét mã VietQR", 1);
    const chunk = result.hits[0]?.chunks[0];
    expect(chunk?.lessonId).toBe("thanh-toan-so/quet-vietqr");
    expect(chunk?.title.length).toBeGreaterThan(3);
    expect(chunk?.heading.length).toBeGreaterThan(1);
  });

  it("is a LangChain retriever returning lesson documents with metadata", async () => {
    const retriever = new CurriculumRetriever(await testIndex(), 2);
    const docs = await retriever.invoke("sổ sức khỏe điện tử trên vneid");
    expect(docs).toHaveLength(2);
    expect(docs[0]?.metadata.lessonId).toBe("y-te-so/so-suc-khoe-dien-tu");
  });

  it("embeds deterministically, the same text giving the same unit vector", async () => {
    const embeddings = new HashingEmbeddings();
    const [a, b] = await embeddings.embedDocuments(["mã OTP", "mã OTP"]);
    expect(a).toEqual(b);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 6);
    expect(await embeddings.embedQuery("ma otp")).toEqual(a);
  });

  it("reuses the cached index and rebuilds it when the curriculum changes", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "hvs-index-"));
    const first = await buildIndex(await testCurriculum(), { cacheDir });
    expect(first.fromCache).toBe(false);
    const second = await buildIndex(await testCurriculum(), { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.contentHash).toBe(first.contentHash);

    const dir = await mkdtemp(join(tmpdir(), "hvs-knowledge-"));
    await cp(join(import.meta.dirname, "..", "..", "knowledge"), dir, { recursive: true });
    const file = join(dir, "lessons", "vneid", "tien-ich.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("## Ghi nhớ", "Thêm một câu mới.\n\n## Ghi nhớ"),
    );
    const changed = await buildIndex(await loadCurriculum(dir), { cacheDir });
    expect(changed.fromCache).toBe(false);
    expect(changed.contentHash).not.toBe(first.contentHash);
    // Sections, asks and out-of-scope examples, for each of the two curricula; and their word models.
    expect((await readdir(cacheDir)).filter((f) => f.endsWith(".hnsw"))).toHaveLength(6);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith("-words.v8"))).toHaveLength(2);
  }, 60_000); // two full index builds: slow on a loaded machine

  it("answers from a cached index exactly as from the one just built", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "hvs-index-"));
    const built = await buildIndex(await testCurriculum(), { cacheDir });
    const cached = await buildIndex(await testCurriculum(), { cacheDir });
    expect(cached.fromCache).toBe(true);
    // Accented, unaccented, teencode and misspelt: the lexical indexes, the accent and spelling models and the
    // embedding's word weights and the scope words all come from the cache.
    for (const question of [
      "quên mật khẩu VNeID thì làm sao",
      "ko bit chuyen tien qua dt",
      "cach cai vneid tren dien thoai",
      "đăg kí khai sinh cho con trên mạg",
      "thời tiết ngày mai thế nào",
    ]) {
      const [a, b] = [await built.index.search(question, 3), await cached.index.search(question, 3)];
      expect(b.query).toBe(a.query);
      expect(b.hits.map((h) => [h.lessonId, h.score])).toEqual(a.hits.map((h) => [h.lessonId, h.score]));
      expect([b.similarity, b.coverage, b.known, b.outside.topic?.id, b.scopeOdds]).toEqual([
        a.similarity,
        a.coverage,
        a.known,
        a.outside.topic?.id,
        a.scopeOdds,
      ]);
    }
  }, 60_000);

  it("does not read back word models written by other code", async () => {
    const code = await mkdtemp(join(tmpdir(), "hvs-code-"));
    await mkdir(join(code, "retrieval"));
    await writeFile(join(code, "retrieval", "normalize.ts"), "export const stop = ['à'];\n");
    const before = await codeFingerprint(code);
    expect(await codeFingerprint(code)).toBe(before);
    await writeFile(join(code, "retrieval", "normalize.ts"), "export const stop = ['à', 'ạ'];\n");
    expect(await codeFingerprint(code)).not.toBe(before);
  });
});
