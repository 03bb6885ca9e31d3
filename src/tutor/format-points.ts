import type { Chunk } from "../retrieval/chunk.ts";
import type { Unit } from "./answer-units.ts";
import { openingText } from "./unit-readability.ts";

/**
 * In reading order. A section's steps keep their numbers ("1. … 2. …") when they run from its first step
 * without a gap; steps taken singly, and bullets, read "• …"; sentences stay plain.
 */
export function formatPoints(units: Unit[]): string[] {
  const ordered = [...units].sort((a, b) => a.index - b.index);
  const numbered = new Set<Chunk>();
  for (const u of ordered) {
    if (!u.step) continue;
    const run = ordered.filter((x) => x.chunk === u.chunk && x.step).map((x) => x.step);
    if (run.length >= 2 && run.every((n, i) => n === i + 1)) numbered.add(u.chunk);
  }
  return ordered.map((u) => {
    if (u.step && numbered.has(u.chunk)) return `${u.step}. ${u.text}`;
    // "Đây là thêm một lớp khóa nữa." reads with its heading: "Xác thực 2 lớp là gì: Đây là …".
    return u.kind === "prose" ? openingText(u) : `• ${u.text}`;
  });
}
