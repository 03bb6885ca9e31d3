import { letterChoiceHint, numberChoiceHint, TYPE_OR_PICK } from "../../catalog/cli.ts";
import { stripEmphasis } from "../../messaging/emphasis.ts";
import type { Reply, ReplyOption } from "../../messaging/message.ts";

/** What to type to choose: a number, or a letter when the text already lists the lettered answers. */
export function choiceHint(options: ReplyOption[]): string {
  return options.length && options.every((o) => o.full)
    ? letterChoiceHint(options.length)
    : numberChoiceHint(options.length);
}

/**
 * Replies as terminal text: emphasis stripped, a link written out, the last reply's options numbered from 1
 * (quiz answers, already lettered in the text, are not listed twice) with what to type to choose.
 */
export function renderForTerminal(replies: Reply[]): { text: string; options: ReplyOption[] } {
  const last = replies.at(-1);
  // Where a typed number is the answer itself (the tổ question), the options are words to type, unnumbered.
  const typed = Boolean(last?.typedAnswer);
  const options = typed ? [] : (last?.options ?? []);
  const blocks = replies.map((reply) => {
    const lines = [stripEmphasis(reply.text)];
    if (reply.link) lines.push(`${reply.link.label}: ${reply.link.url}`);
    if (reply === last && typed && reply.options?.length) {
      for (const o of reply.options) lines.push(`  • ${o.label}`);
      lines.push(TYPE_OR_PICK);
    }
    if (reply === last && options.length) {
      if (!options.every((o) => o.full)) {
        options.forEach((o, i) => {
          lines.push(`  ${i + 1}) ${o.label.replace(/^\d+\.\s+/, "")}`);
        });
      }
      lines.push(choiceHint(options));
    }
    return lines.join("\n");
  });
  return { text: blocks.join("\n\n"), options };
}
