import { describe, it } from "vitest";
import { testCurriculum } from "../../helpers/core.ts";
import { webhookHarness } from "../zalo/harness.ts";
import { type ChannelDriver, type ConformanceChannel, runJourney, type Shown } from "./journey.ts";
import { numberedOptions as zaloOptions } from "./numbered-options.ts";

/** Zalo's limit for one message text. */
const ZALO_MAX_CHARS = 2000;

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
