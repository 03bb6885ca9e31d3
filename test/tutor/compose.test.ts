import { describe, expect, it } from "vitest";
import { countWords } from "../../src/knowledge/markdown.ts";
import type { SectionKind } from "../../src/knowledge/schema.ts";
import type { Chunk } from "../../src/retrieval/chunk.ts";
import type { LessonHit } from "../../src/retrieval/hybrid-index.ts";
import { contentTerms } from "../../src/retrieval/normalize.ts";
import { BODY_MAX_WORDS, compose } from "../../src/tutor/compose.ts";
import { UNIT_FEATURE_NAMES } from "../../src/tutor/unit-features.ts";
import type { UnitModel } from "../../src/tutor/unit-model.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const chunk = lessonChunk;

const steps = chunk(
  1,
  "Các bước",
  [
    "1. Mở ứng dụng ngân hàng trên điện thoại.",
    "2. Chọn mục chuyển tiền trong màn hình chính.",
    "3. Nhập số tài khoản người nhận thật cẩn thận.",
    "4. Kiểm tra tên người nhận trước khi bấm tiếp.",
    "5. Nhập mã OTP do ngân hàng gửi tới máy bạn.",
  ].join("\n"),
  "cac-buoc",
);
const afterScam = chunk(
  2,
  "Khi lỡ chuyển nhầm",
  "Gọi ngay tổng đài ngân hàng để được hỗ trợ tra soát.\nĐến công an phường trình báo nếu bị lừa.",
  "xu-ly",
);
const recap = chunk(3, "Ghi nhớ", "- Không đưa mã OTP cho bất kỳ ai.\n- Các bước như sau:");
const lesson = [chunk(0, "Bài thử", "Bài này chỉ cách chuyển tiền an toàn."), steps, afterScam, recap];
const hit: LessonHit = {
  lessonId: "m/bai",
  module: "m",
  title: "Bài thử",
  score: 1,
  chunks: [steps, afterScam, recap, lesson[0] as Chunk],
  chunkScores: [1, 0.5, 0.2, 0.1],
  quotes: new Map(),
};

/** Words that make a step long, so that a procedure fills the answer's word budget. */
const filler = "rồi đọc thật kỹ từng dòng chữ hiện ra trên màn hình trước khi làm tiếp";

/** A model that likes only the words a unit shares with the question. */
const overlapOnly: UnitModel = {
  relevance: {
    mean: UNIT_FEATURE_NAMES.map(() => 0),
    scale: UNIT_FEATURE_NAMES.map(() => 1),
    weights: UNIT_FEATURE_NAMES.map((name) => (name === "overlap" ? 4 : 0)),
    bias: -2,
  },
  keepAbove: 0.5,
  fitted: { split: "test", questions: 0, units: 0, at: "" },
};

/** Composes from a lesson of one section, as chosen and ranked first, with the overlap-only model. */
function composeIn(sections: Chunk[], terms: string[], question: string, kind: SectionKind | null) {
  const [chosen] = sections;
  if (!chosen) throw new Error("no section");
  return compose({
    hit: { ...hit, chunks: sections, chunkScores: [1] },
    chosen,
    lessonChunks: sections,
    terms,
    question,
    kind,
    model: overlapOnly,
  });
}

/** A model that likes only the sentences the nearest asks' answer cards quote. */
const cardsOnly: UnitModel = {
  ...overlapOnly,
  relevance: {
    ...overlapOnly.relevance,
    weights: UNIT_FEATURE_NAMES.map((name) => (name === "card_quote_of_best" ? 4 : 0)),
  },
};

/** A model that likes only the sentences whose asks echo the question. */
const askEchoOnly: UnitModel = {
  ...overlapOnly,
  relevance: {
    ...overlapOnly.relevance,
    weights: UNIT_FEATURE_NAMES.map((name) => (name === "ask_echo_of_best" ? 4 : 0)),
  },
};

const body = (points: string[]) =>
  points.reduce((sum, p) => sum + countWords(p.replace(/^(\d+\.|•)\s*/, "")), 0);

describe("compose", () => {
  it("quotes the advice from whichever section holds it, not only the chosen one", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["tong", "dai", "tra", "soat", "cong", "an", "trinh", "bao"],
      question: "chuyen nham roi goi tong dai tra soat hay trinh bao cong an",
      kind: "xu-ly",
      model: overlapOnly,
    });
    const all = [composed.direct, ...composed.points].join("\n");
    expect(all).toContain("Gọi ngay tổng đài ngân hàng");
    expect(all).toContain("Đến công an phường trình báo");
  });

  it("quotes what the answer cards of the asks nearest the message quote, with no word of the question in it", () => {
    const quoted = "Đến công an phường trình báo nếu bị lừa.";
    const answer = (quotes: Map<string, number>) =>
      compose({
        hit: { ...hit, quotes },
        chosen: steps,
        lessonChunks: lesson,
        terms: ["mat", "sach", "tien"],
        question: "ba bi mat sach tien roi",
        kind: null,
        model: cardsOnly,
      });
    expect(answer(new Map([[quoted, 1.5]])).direct).toBe(quoted);
    const without = answer(new Map());
    expect([without.direct, ...without.points]).not.toContain(quoted);
  });

  it("values a sentence by the one thing asked that it answers best, not by its share of the whole message", () => {
    const photos = chunk(
      4,
      "Ảnh giấy tờ",
      [
        "Đặt giấy tờ lên bàn phẳng, chụp thẳng cho rõ chữ.",
        "Cất vào album riêng cho gọn.",
        "Ảnh đẹp giúp bán hàng tốt hơn.",
      ].join("\n"),
    );
    const byClause = (name: string): UnitModel => ({
      ...overlapOnly,
      relevance: {
        ...overlapOnly.relevance,
        weights: UNIT_FEATURE_NAMES.map((feature) => (feature === name ? 4 : 0)),
      },
    });
    const question = "chụp giấy tờ thế nào cho rõ chữ, cất ở đâu cho gọn";
    const answer = (model: UnitModel) => {
      const composed = compose({
        hit: { ...hit, chunks: [photos], chunkScores: [1] },
        chosen: photos,
        lessonChunks: [photos],
        terms: contentTerms(question),
        question,
        kind: null,
        model,
      });
      return [composed.direct, ...composed.points];
    };
    expect(answer(byClause("clause_overlap"))).toContain("Cất vào album riêng cho gọn.");
    expect(answer(byClause("clause_overlap"))).not.toContain("Ảnh đẹp giúp bán hàng tốt hơn.");
    expect(answer(byClause("overlap_of_question"))).not.toContain("Cất vào album riêng cho gọn.");
  });

  it("quotes the sentence whose card answers asks worded like the message, though it shares no word with it", () => {
    const quoted = "Đến công an phường trình báo nếu bị lừa.";
    const withCards = { ...afterScam, asks: ["kẻ gian gạt mất tiền thì kêu ai"], askQuotes: [[quoted]] };
    const sections = [lesson[0] as Chunk, steps, withCards, recap];
    const answer = (question: string) => {
      const composed = compose({
        hit: { ...hit, chunks: [steps, withCards, recap, lesson[0] as Chunk] },
        chosen: steps,
        lessonChunks: sections,
        terms: [...new Set(question.split(" "))],
        question,
        kind: null,
        model: askEchoOnly,
      });
      return [composed.direct, ...composed.points];
    };
    expect(answer("ke gian gat tien roi keu ai")).toContain(quoted);
    expect(answer("so tai khoan nguoi nhan")).not.toContain(quoted);
  });

  it("answers a how-to question with the chosen section's steps from the first, numbered, without gaps", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["otp", "ma"],
      question: "cach chuyen tien, nhap ma otp o dau",
      kind: "cac-buoc",
      model: overlapOnly,
    });
    const numbered = composed.points.filter((p) => /^\d+\. /.test(p)).map((p) => Number(p.split(".")[0]));
    expect(numbered.length).toBeGreaterThanOrEqual(2);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
  });

  it("gives the whole procedure only to a message that asks for the steps; a situation gets the likeliest units", () => {
    const situation = {
      hit,
      chosen: steps,
      lessonChunks: lesson,
      question: "lo chuyen nham roi, goi tong dai hay den cong an, nen the nao",
      kind: "cac-buoc" as const,
      model: overlapOnly,
    };
    const advice = compose({ ...situation, terms: ["tong", "dai", "cong", "an", "trinh", "bao"] });
    expect(advice.points.some((p) => /^1\. /.test(p))).toBe(false);
    expect([advice.direct, ...advice.points].join("\n")).toContain("Đến công an phường trình báo");
    const oneStep = ["nhap", "so", "tai", "khoan", "nguoi", "nhan"];
    const aboutAStep = compose({
      ...situation,
      question: "so tai khoan nguoi nhan nhap o dau",
      terms: oneStep,
    });
    expect(aboutAStep.points).toContain("• Nhập số tài khoản người nhận thật cẩn thận.");
    expect(aboutAStep.points.some((p) => /^1\. /.test(p))).toBe(false);
    const procedure = compose({ ...situation, question: "cach chuyen tien qua dien thoai", terms: oneStep });
    expect(procedure.points[0]).toBe("1. Mở ứng dụng ngân hàng trên điện thoại.");
  });

  it("gives the step the resident needs, with the two before it, when it lies beyond what fits from step 1", () => {
    const long = chunk(
      1,
      "Các bước",
      [
        "Hồ sơ thiếu giấy thì làm theo lời nhắn của cán bộ.",
        ...[
          "Mở trang",
          "Đăng nhập",
          "Chọn mục hồ sơ",
          "Mở hồ sơ",
          "Xem lời nhắn",
          "Bấm nút bổ sung",
          "Gửi giấy tờ còn thiếu",
        ].map((step, i) => `${i + 1}. ${step} ${filler}.`),
        "8. Bấm gửi lại hồ sơ.",
      ].join("\n"),
      "cac-buoc",
    );
    const composed = composeIn(
      [long],
      ["bam", "gui", "lai", "ho", "so"],
      "cach bam gui lai ho so",
      "cac-buoc",
    );
    expect(composed.points.slice(-3).map((p) => p.split(" ").slice(0, 3).join(" "))).toEqual([
      "• Bấm nút",
      "• Gửi giấy",
      "• Bấm gửi",
    ]);
    expect(composed.points.some((p) => p.includes("Mở trang"))).toBe(false);
  });

  it("shows a step picked on its own as a bullet, never with a number that skips the steps before it", () => {
    const composed = compose({
      hit,
      chosen: afterScam,
      lessonChunks: lesson,
      terms: ["kiem", "tra", "ten", "nguoi", "nhan"],
      question: "co nen kiem tra ten nguoi nhan khong",
      kind: null,
      model: overlapOnly,
    });
    expect(composed.points).toContain("• Kiểm tra tên người nhận trước khi bấm tiếp.");
    expect(composed.points.some((p) => p.startsWith("4."))).toBe(false);
  });

  it("opens with a sentence that stands alone (no step, no lead-in ending in a colon) and keeps the body within the limit", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["buoc", "ma", "otp", "nhap"],
      question: "nhap ma otp buoc nao",
      kind: null,
      model: overlapOnly,
    });
    expect(composed.direct).not.toMatch(/:\s*$/);
    expect(steps.text).not.toContain(composed.direct);
    expect(body(composed.points)).toBeLessThanOrEqual(BODY_MAX_WORDS);
    expect(new Set(composed.points).size).toBe(composed.points.length);
  });

  it("opens a section on its own with its first sentence and steps when there is no question", () => {
    const composed = compose({ hit, chosen: afterScam, lessonChunks: lesson, terms: [], model: overlapOnly });
    expect(composed.direct).toBe("Gọi ngay tổng đài ngân hàng để được hỗ trợ tra soát.");
    expect(composed.points).toEqual(["Đến công an phường trình báo nếu bị lừa."]);
  });

  it("never quotes a lead-in without the list it introduces, nor a fragment too short to mean anything alone", () => {
    const scams = chunk(
      4,
      "Kẻ gian hứa lấy lại tiền",
      [
        "Kẻ gian hứa lấy lại tiền đã mất, ví dụ như sau:",
        "- Gửi thư mời nhận quà tri ân khách hàng.",
        "Đừng lo.",
        "Không trả phí cho ai hứa lấy lại tiền đã mất.",
      ].join("\n"),
    );
    const composed = composeIn(
      [scams],
      ["ke", "gian", "hua", "lay", "lai", "tien", "lo"],
      "ke gian hua lay lai tien, lo qua",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(all).toContain("Không trả phí cho ai hứa lấy lại tiền đã mất.");
    expect(all).not.toContain("Kẻ gian hứa lấy lại tiền đã mất, ví dụ như sau:");
    expect(all).not.toContain("Đừng lo.");
  });

  it("opens with what to do, not with a sentence about 'them', when the message asks what to do", () => {
    const callers = chunk(
      5,
      "Cuộc gọi giả danh",
      [
        "Chúng xưng là công an phường và đòi đọc mã OTP.",
        "Kẻ gian xưng là công an và đòi bạn đọc mã OTP.",
        "Tắt máy ngay khi có người xưng công an đòi mã OTP.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [callers],
      ["xung", "cong", "an", "doi", "doc", "ma", "otp", "phuong"],
      "co nguoi xung cong an phuong doi doc ma otp, phai lam gi",
      "xu-ly",
    );
    expect(composed.direct).toBe("Tắt máy ngay khi có người xưng công an đòi mã OTP.");
  });

  it("opens a how-to answer with what to do, not with what a word means", () => {
    const install = chunk(
      9,
      "Cài ứng dụng",
      [
        "Ứng dụng chính thức là ứng dụng do cơ quan nhà nước phát hành trên kho.",
        "Chỉ cài ứng dụng chính thức từ kho CH Play hoặc App Store.",
        "1. Mở kho ứng dụng trên điện thoại.",
        "2. Gõ tên ứng dụng vào ô tìm kiếm.",
      ].join("\n"),
      "cac-buoc",
    );
    const ask = (kind: SectionKind | null) =>
      composeIn(
        [install],
        ["cai", "ung", "dung", "chinh", "thuc", "dien", "thoai", "nha", "nuoc"],
        "cach cai ung dung chinh thuc cua nha nuoc tren dien thoai",
        kind,
      ).direct;
    expect(ask("cac-buoc")).toBe("Chỉ cài ứng dụng chính thức từ kho CH Play hoặc App Store.");
    // Asked what it is, the sentence that says what it is may open.
    expect(ask("la-gi")).toBe("Ứng dụng chính thức là ứng dụng do cơ quan nhà nước phát hành trên kho.");
  });

  it("never lists examples of what goes wrong as if they were advice when the message asks what to do", () => {
    const bullying = chunk(
      6,
      "Bắt nạt trên mạng là gì",
      [
        "Bắt nạt trên mạng là dùng tin nhắn để làm hại một người. Ví dụ:",
        "- Lập nhóm chat riêng để nói xấu một bạn.",
        "- Đăng ảnh xấu của bạn lên nhóm chat.",
        "Chặn tài khoản bắt nạt và chụp màn hình nhóm chat làm bằng chứng.",
      ].join("\n"),
      "xu-ly",
    );
    const ask = (kind: "xu-ly" | "la-gi") =>
      composeIn(
        [bullying],
        ["lap", "nhom", "chat", "noi", "xau", "dang", "anh"],
        "may ban lap nhom chat noi xau em, dang anh em",
        kind,
      );
    const whatToDo = [ask("xu-ly").direct, ...ask("xu-ly").points].join("\n");
    expect(whatToDo).toContain("Chặn tài khoản bắt nạt");
    expect(whatToDo).not.toContain("Lập nhóm chat riêng để nói xấu");
    expect(whatToDo).not.toContain("Đăng ảnh xấu của bạn");
    // Asked what bullying is, the examples are the answer.
    const whatItIs = ask("la-gi");
    expect([whatItIs.direct, ...whatItIs.points].join("\n")).toContain("Lập nhóm chat riêng để nói xấu");
  });

  it("never opens with a question the lesson asks itself ('Lỡ cài ứng dụng lạ?'), nor shows it without its answer", () => {
    const slip = chunk(
      7,
      "Khi lỡ tay",
      [
        "Lỡ cài ứng dụng lạ?",
        "Tắt Wi-Fi và dữ liệu di động ngay, rồi nhờ người thân gỡ ứng dụng.",
        "Đổi mật khẩu trên một điện thoại sạch.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn([slip], ["lo", "cai", "ung", "dung", "la"], "lo cai ung dung la roi", "xu-ly");
    expect(composed.direct).toBe("Tắt Wi-Fi và dữ liệu di động ngay, rồi nhờ người thân gỡ ứng dụng.");
    expect(composed.points).not.toContain("Lỡ cài ứng dụng lạ?");
  });

  it("shows a list item with the sentence that introduces its list, and opens with no 'Hoặc …' that leans on a sentence left out", () => {
    const whenToAsk = chunk(
      8,
      "Khi nào nên gặp cán bộ",
      [
        "Cán bộ ở quầy giúp bạn làm thủ tục.",
        "Hoặc hỏi máy ở quầy để được chỉ chỗ ngồi chờ cán bộ.",
        "Hãy gặp cán bộ tại quầy khi:",
        "- Máy báo lỗi, hoặc bạn làm mãi không được.",
        "- Bạn cần ký nhận hay nộp bản gốc giấy tờ cho cán bộ.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [whenToAsk],
      ["ky", "nhan", "nop", "ban", "goc", "giay", "to", "hoi", "may", "quay"],
      "can ky nhan nop ban goc giay to thi hoi may o quay hay sao",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(composed.direct).not.toMatch(/^Hoặc/);
    const item = all.indexOf("• Bạn cần ký nhận hay nộp bản gốc giấy tờ cho cán bộ.");
    expect(item).toBeGreaterThan(0);
    expect(all.slice(0, item)).toContain("Hãy gặp cán bộ tại quầy khi:");
  });

  it("never quotes the introduction's sentences about the lesson itself ('Bài này chỉ cách…')", () => {
    const intro = chunk(
      0,
      "Bài thử",
      'Bài này chỉ cách chuyển tiền an toàn trên điện thoại.\nBạn cũng sẽ biết cách chuyển tiền an toàn.\nTrong bài, ứng dụng ngân hàng trên điện thoại gọi ngắn là "app".',
    );
    const composed = compose({
      hit: { ...hit, chunks: [intro, steps], chunkScores: [1, 0.5] },
      chosen: steps,
      lessonChunks: [intro, steps],
      terms: ["chuyen", "tien", "an", "toan", "dien", "thoai"],
      question: "chuyen tien an toan tren dien thoai",
      kind: null,
      model: overlapOnly,
    });
    const all = [composed.direct, ...composed.points].join("\n");
    expect(all).not.toContain("Bài này");
    expect(all).not.toContain("Bạn cũng sẽ biết");
    expect(all).not.toContain("Trong bài");
    expect(all).toContain("Mở ứng dụng ngân hàng trên điện thoại.");
  });

  it("opens with the sentence the likeliest one leans on when nothing standing alone comes close", () => {
    const composed = composeIn(
      [
        chunk(1, "Nhận tiền", "Bạn in mã QR nhận tiền của mình, dán ở quầy."),
        chunk(
          2,
          "Giao hàng",
          "Mã vận đơn là mã riêng của mỗi gói hàng.\nNhờ mã này, bạn và khách biết hàng đang ở đâu.",
        ),
      ],
      ["khach", "biet"],
      "khach hoi hang toi dau roi, lam sao biet",
      null,
    );
    expect(composed.direct).toBe("Mã vận đơn là mã riêng của mỗi gói hàng.");
    expect(composed.points[0]).toBe("Nhờ mã này, bạn và khách biết hàng đang ở đâu.");
  });

  it("shows a sentence leaning on the direct sentence right after it, before the other points", () => {
    const again = chunk(
      9,
      "Cẩn thận bị lừa lần hai",
      [
        "Mở đầu về chuyện bị lừa.",
        "Kẻ hứa lấy lại tiền bị lừa đòi bạn đóng phí trước.",
        "Đó là lừa đảo lần hai, đừng đóng phí lấy lại tiền.",
        "Gọi ngay tổng đài ngân hàng để khóa tài khoản bị lừa.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [again],
      ["lay", "lai", "tien", "bi", "lua", "dong", "phi", "hua", "ngan", "hang"],
      "co nguoi hua lay lai tien bi lua, doi dong phi, ngan hang",
      null,
    );
    expect(composed.direct).toBe("Kẻ hứa lấy lại tiền bị lừa đòi bạn đóng phí trước.");
    expect(composed.points[0]).toBe("Đó là lừa đảo lần hai, đừng đóng phí lấy lại tiền.");
  });

  it("quotes a sentence too short to stand alone only together with the sentence before it", () => {
    const wrongTransfer = chunk(
      9,
      "Người lạ chuyển nhầm tiền",
      [
        "Người lạ chuyển nhầm tiền vào tài khoản rồi gọi đòi chuyển trả sang số khác.",
        "Đừng chuyển trả.",
        "Báo ngân hàng để ngân hàng xử lý khoản tiền chuyển nhầm.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [wrongTransfer],
      ["nguoi", "la", "chuyen", "nham", "tien", "doi", "tra", "ngan", "hang"],
      "nguoi la chuyen nham tien roi doi chuyen tra, ngan hang",
      "xu-ly",
    );
    const all = [composed.direct, ...composed.points];
    const short = all.indexOf("Đừng chuyển trả.");
    expect(short).toBeGreaterThan(0);
    expect(all[short - 1]).toBe(
      "Người lạ chuyển nhầm tiền vào tài khoản rồi gọi đòi chuyển trả sang số khác.",
    );
  });

  it("keeps parallel statements that share most words but each say something of their own, and drops a repeat", () => {
    const screenshot = chunk(
      1,
      "Chụp màn hình",
      [
        "Trên iPhone có Face ID, bạn nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
        "Nhấn cùng lúc nút nguồn và nút giảm âm lượng để chụp màn hình.",
        "Nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
      ].join("\n"),
    );
    const composed = composeIn(
      [screenshot],
      ["chup", "man", "hinh", "nhan", "nut", "am", "luong", "iphone", "android"],
      "chup man hinh iphone, android nhan nut am luong nao",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(all).toContain("Nhấn cùng lúc nút nguồn và nút giảm âm lượng để chụp màn hình.");
    expect(all).toContain(
      "Trên iPhone có Face ID, bạn nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
    );
    expect(all).not.toContain("Nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.");
  });

  it("shows a short list whole once it quotes two of its bullets, the one the question does not name included", () => {
    const groups = chunk(
      1,
      "Lớp cho từng nhóm",
      [
        "Phường mở lớp cho từng nhóm:",
        "- Người già: có lớp học chậm riêng.",
        "- Học sinh: học cùng nhà trường.",
        "- Người khuyết tật: có lớp phù hợp.",
        "Lớp người già học vào sáng thứ bảy.",
      ].join("\n"),
    );
    const composed = composeIn(
      [groups],
      ["gia", "khuyet", "tat"],
      "lop cho nguoi gia, nguoi khuyet tat",
      null,
    );
    expect(composed.points).toEqual([
      "Phường mở lớp cho từng nhóm:",
      "• Người già: có lớp học chậm riêng.",
      "• Học sinh: học cùng nhà trường.",
      "• Người khuyết tật: có lớp phù hợp.",
    ]);
  });

  it("gives a long message the procedure only when its asking sentences ask for it, not its story", () => {
    const story =
      "Tôi là tổ trưởng, hay hướng dẫn bà con trong tổ dùng điện thoại cho quen. Hôm qua có người lạ gọi bảo tôi chuyển tiền vào một tài khoản khác ngay, nói là ngân hàng chuyển nhầm.";
    const terms = ["chuyen", "tien", "tai", "khoan", "nham", "ngan", "hang"];
    const answer = (question: string) =>
      compose({
        hit,
        chosen: steps,
        lessonChunks: lesson,
        terms,
        question,
        kind: "cac-buoc",
        model: overlapOnly,
      });
    expect(answer(`${story} Tôi có nên chuyển không?`).points).not.toContain(
      "1. Mở ứng dụng ngân hàng trên điện thoại.",
    );
    expect(answer(`${story} Chỉ tôi cách chuyển tiền cho đúng với?`).points).toContain(
      "1. Mở ứng dụng ngân hàng trên điện thoại.",
    );
  });

  it("keeps room beside a procedure that would fill the answer for the likeliest other sentence, steps from the first", () => {
    const procedure = chunk(
      1,
      "Các bước",
      [
        "Bạn nộp hồ sơ ngay trên trang.",
        "1. Mở trang dịch vụ công.",
        ...["Đăng nhập", "Chọn thủ tục", "Điền tờ khai", "Đính kèm giấy tờ", "Bấm nộp"].map(
          (step, i) => `${i + 2}. ${step} ${filler}.`,
        ),
      ].join("\n"),
      "cac-buoc",
    );
    const help = chunk(
      2,
      "Khi cần giúp",
      "Nếu bạn không biết làm, hoặc màn hình khác hẳn với bài, hãy hỏi Tổ công nghệ số cộng đồng của tổ dân phố hoặc cán bộ ở Trung tâm Phục vụ hành chính công phường để được giúp tận nơi, không mất tiền.",
    );
    const composed = composeIn(
      [procedure, help],
      ["mo", "trang", "hoi", "to", "cong", "nghe"],
      "cach mo trang nop ho so, khong biet thi hoi to cong nghe o dau",
      "cac-buoc",
    );
    const body = composed.points.join("\n");
    expect(body).toContain("hãy hỏi Tổ công nghệ số cộng đồng");
    expect(composed.points[0]).toBe("1. Mở trang dịch vụ công.");
    expect(countWords(body.replace(/^\d+\. /gm, ""))).toBeLessThanOrEqual(BODY_MAX_WORDS);
  });

  it("gives the procedure for 'cách …' only when one of its steps is among the likeliest units", () => {
    const openShop = chunk(
      1,
      "Mở gian hàng",
      "1. Cài ứng dụng từ CH Play.\n2. Chọn mục làm người bán.\n3. Đặt tên gian hàng dễ nhớ.",
      "cac-buoc",
    );
    const passwords = chunk(
      2,
      "Giữ tài khoản an toàn",
      [
        "- Đặt mật khẩu riêng cho việc bán.",
        "- Không dùng chung mật khẩu ngân hàng.",
        "- Đổi mật khẩu khi nghi bị lộ.",
        "- Không đưa mật khẩu cho ai.",
      ].join("\n"),
    );
    const answer = (question: string, terms: string[]) =>
      composeIn([openShop, passwords], terms, question, "cac-buoc").points.join("\n");
    expect(
      answer("cách đặt mật khẩu, dùng chung được không", ["mat", "khau", "rieng", "chung"]),
    ).not.toContain("1. Cài ứng dụng từ CH Play.");
    expect(
      answer("cách mở gian hàng, chọn người bán", ["mo", "gian", "hang", "chon", "nguoi", "ban"]),
    ).toContain("1. Cài ứng dụng từ CH Play.");
  });
});
