import { letterHint, optionHint, zaloMessages } from "../../catalog/zalo.ts";
import { stripEmphasis } from "../../messaging/emphasis.ts";
import type { Reply, ReplyOption } from "../../messaging/message.ts";

/** Quiz questions letter their options in the text already ("A. …"); the labels are just the letters. */
const isLettered = (options: ReplyOption[]) => options.every((o, i) => o.label === "ABCD"[i]);

/** Labels that already carry their own number ("3. Dịch vụ công") would read "3. 3. …". */
const cleanLabel = (label: string) => stripEmphasis(label).replace(/^\s*\d{1,2}[.)]\s+/, "");

/**
 * Renders a turn's replies as plain Zalo texts (one per reply) and returns the options in the order they
 * were numbered. Numbering runs across the whole turn, so "2" always means the same thing.
 */
export function renderReplies(replies: Reply[]): { texts: string[]; options: ReplyOption[] } {
  const options: ReplyOption[] = [];
  let lastWithOptions = -1;
  replies.forEach((reply, index) => {
    if (reply.options?.length && !reply.typedAnswer) lastWithOptions = index;
  });
  const texts = replies.map((reply, index) => {
    const lines = [stripEmphasis(reply.text).trim()];
    if (reply.link) lines.push(`${stripEmphasis(reply.link.label)}: ${reply.link.url}`);
    const lettered = reply.options?.length ? isLettered(reply.options) && !options.length : false;
    if (reply.options?.length && reply.typedAnswer) {
      // A typed number answers the question itself ("5" is Tổ 5): the options are words to type, unnumbered.
      lines.push("", ...reply.options.map((o) => `• ${cleanLabel(o.label)}`), "", zaloMessages.typeOrPick);
      return lines.join("\n").trim();
    }
    if (reply.options?.length && lettered) options.push(...reply.options);
    else if (reply.options?.length) {
      lines.push("");
      for (const option of reply.options) {
        options.push(option);
        lines.push(`${options.length}. ${cleanLabel(option.label)}`);
      }
    }
    if (index === lastWithOptions)
      lines.push("", lettered ? letterHint(options.length) : optionHint(options.length));
    return lines.join("\n").trim();
  });
  return { texts: texts.filter(Boolean), options };
}
