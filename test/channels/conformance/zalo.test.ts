import { describe, it } from "vitest";
import { zaloMessages } from "../../../src/channels/zalo/messages.ts";
import { testCurriculum } from "../../helpers/core.ts";
import { webhookHarness } from "../zalo/harness.ts";
import { type ChannelDriver, type ConformanceChannel, runJourney, type Shown } from "./journey.ts";

/** Zalo's limit for one message text. */
const ZALO_MAX_CHARS = 2000;

/**
 * Reads the options of a Zalo turn the way a person does: the closing hint says how many there are
 * ("Trả lời 1, 2 hoặc 3.", "Trả lời bằng số từ 1 đến 13.", "Trả lời A, B, C hoặc D …"), and the numbered
 * lines are read back from the end, so a lesson's own numbered steps above them are not taken for options.
 */
function zaloOptions(texts: string[]): { options: string[]; typed: string[] } {
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

/**
 * Zalo Bot Platform through the real channel: a signed webhook in, the replies out to a stand-in Bot API
 * on loopback. Zalo has no buttons, so a tap is typing the option's number (or a quiz answer's letter).
 */
async function zaloChannel(): Promise<ConformanceChannel> {
  const zalo = await webhookHarness();
  let nextUser = 1;
  return {
    async newPerson(): Promise<ChannelDriver> {
      const user = `conformance-zalo-${nextUser++}`;
      let texts: string[] = [];
      async function turn(text: string) {
        texts = await zalo.say(text, user);
        for (const t of texts)
          if ([...t].length > ZALO_MAX_CHARS) throw new Error("message over Zalo's limit");
      }
      return {
        send: turn,
        async tap(label) {
          const { options, typed } = zaloOptions(texts);
          const at = options.lastIndexOf(label);
          if (at < 0) throw new Error(`no numbered option “${label}”`);
          await turn(typed[at] as string);
        },
        lastReplies: (): Shown => ({ texts, options: zaloOptions(texts).options }),
      };
    },
  };
}

describe("channel conformance: Zalo Bot Platform", () => {
  it("takes a learner from onboarding to a cited answer, a whole quiz, progress and a linking code", async () => {
    await runJourney(await zaloChannel(), await testCurriculum());
  });
});
