/** The small lesson and stand-in answer-unit models the compose tests share. */
import { countWords } from "../../src/knowledge/markdown.ts";
import type { SectionKind } from "../../src/knowledge/schema.ts";
import type { Chunk } from "../../src/retrieval/chunk.ts";
import type { LessonHit } from "../../src/retrieval/hybrid-index.ts";
import { compose } from "../../src/tutor/compose.ts";
import { UNIT_FEATURE_NAMES } from "../../src/tutor/unit-features.ts";
import type { UnitModel } from "../../src/tutor/unit-model.ts";
import { lessonChunk } from "./lesson-chunk.ts";

export const chunk = lessonChunk;

export const steps = chunk(
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
export const afterScam = chunk(
  2,
  "Khi lỡ chuyển nhầm",
  "Gọi ngay tổng đài ngân hàng để được hỗ trợ tra soát.\nĐến công an phường trình báo nếu bị lừa.",
  "xu-ly",
);
export const recap = chunk(3, "Ghi nhớ", "- Không đưa mã OTP cho bất kỳ ai.\n- Các bước như sau:");
export const lesson = [chunk(0, "Bài thử", "Bài này chỉ cách chuyển tiền an toàn."), steps, afterScam, recap];
export const hit: LessonHit = {
  lessonId: "m/bai",
  module: "m",
  title: "Bài thử",
  score: 1,
  chunks: [steps, afterScam, recap, lesson[0] as Chunk],
  chunkScores: [1, 0.5, 0.2, 0.1],
  quotes: new Map(),
};

/** Words that make a step long, so that a procedure fills the answer's word budget. */
export const filler = "rồi đọc thật kỹ từng dòng chữ hiện ra trên màn hình trước khi làm tiếp";

/** A model that likes only the words a unit shares with the question. */
export const overlapOnly: UnitModel = {
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
export function composeIn(sections: Chunk[], terms: string[], question: string, kind: SectionKind | null) {
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
export const cardsOnly: UnitModel = {
  ...overlapOnly,
  relevance: {
    ...overlapOnly.relevance,
    weights: UNIT_FEATURE_NAMES.map((name) => (name === "card_quote_of_best" ? 4 : 0)),
  },
};

/** A model that likes only the sentences whose asks echo the question. */
export const askEchoOnly: UnitModel = {
  ...overlapOnly,
  relevance: {
    ...overlapOnly.relevance,
    weights: UNIT_FEATURE_NAMES.map((name) => (name === "ask_echo_of_best" ? 4 : 0)),
  },
};

export const body = (points: string[]) =>
  points.reduce((sum, p) => sum + countWords(p.replace(/^(\d+\.|•)\s*/, "")), 0);
