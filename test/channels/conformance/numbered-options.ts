import { zaloMessages } from "../../../src/catalog/zalo.ts";

/**
 * How a person reads the options of a channel without buttons (the Zalo Bot Platform and the Zalo OA, both
 * rendered by src/channels/zalo/render.ts): the closing hint says how many there are ("Trả lời 1, 2 hoặc
 * 3.", "Trả lời bằng số từ 1 đến 13.", "Trả lời A, B, C hoặc D …"), and the numbered lines are read back
 * from the end, so a lesson's own numbered steps above them are not taken for options.
 */
export function numberedOptions(texts: string[]): { options: string[]; typed: string[] } {
  const lines = texts.join("\n").split("\n");
  // Where a typed number is the answer itself (the tổ question), options are "• words" typed as they are.
  if (lines.at(-1) === zaloMessages.typeOrPick) {
    const words = lines.filter((l) => l.startsWith("• ")).map((l) => l.slice(2));
    return { options: words, typed: words };
  }
  const hint = [...lines].reverse().find((l) => l.startsWith("Trả lời ")) ?? "";
  const letters = /^Trả lời A, B.* \(hoặc số 1 đến (\d)\)\.$/.exec(hint);
  if (letters) {
    const shown = "ABCD".slice(0, Number(letters[1])).split("");
    return { options: shown, typed: shown };
  }
  const count = Number(/(\d+)\.$/.exec(hint)?.[1] ?? (hint === "Trả lời 1 để chọn." ? 1 : 0));
  const options: string[] = [];
  let cursor = lines.length;
  for (let n = count; n >= 1; n--) {
    while (cursor > 0 && !lines[--cursor]?.startsWith(`${n}. `));
    options.unshift((lines[cursor] ?? "").slice(`${n}. `.length));
  }
  return { options, typed: options.map((_, i) => String(i + 1)) };
}
