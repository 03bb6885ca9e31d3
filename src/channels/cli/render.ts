import type { Reply, ReplyOption } from "../../assistant/types.ts";

/** Replies as terminal text: emphasis stripped, the last reply's options numbered from 1. */
export function renderForTerminal(replies: Reply[]): { text: string; options: ReplyOption[] } {
  const options = replies.at(-1)?.options ?? [];
  const blocks = replies.map((reply) => {
    const lines = [reply.text.replace(/\*([^*\n]+)\*/g, "$1")];
    if (reply === replies.at(-1) && options.length) {
      options.forEach((o, i) => {
        lines.push(`  ${i + 1}) ${o.label.replace(/^\d+\.\s+/, "")}`);
      });
    }
    return lines.join("\n");
  });
  return { text: blocks.join("\n\n"), options };
}

/** "2", "2.", " 2 )" → the second option's action; anything else → null. */
export function resolveNumberedChoice(text: string, options: ReplyOption[]): string | null {
  const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!match) return null;
  return options[Number(match[1]) - 1]?.action ?? null;
}
