import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { ZALO_OA_MAX_TEXT } from "../../../src/channels/zalo-oa/client.ts";
import { testCurriculum } from "../../helpers/core.ts";
import { textEvent } from "../zalo-oa/fake-oa-api.ts";
import { oaHarness } from "../zalo-oa/harness.ts";
import { type ChannelDriver, type ConformanceChannel, runJourney, type Shown } from "./journey.ts";
import { numberedOptions } from "./numbered-options.ts";

/**
 * The ward's Zalo Official Account through the real channel: `user_send_text` events signed as Zalo signs
 * them, posted to /webhook/zalo-oa, the replies sent to the stand-in OA API on loopback (with its OAuth v4
 * token refresh). Like the Zalo bot, an OA has no buttons: a tap is typing the option's number (or a quiz
 * answer's letter). Each person is another follower id; each message is sent now, inside the window.
 */
async function zaloOaChannel(): Promise<ConformanceChannel> {
  const oa = await oaHarness();
  let nextFollower = 1;
  return {
    async newPerson(): Promise<ChannelDriver> {
      const follower = `90000000000000000${nextFollower++}`;
      let texts: string[] = [];
      async function turn(text: string) {
        texts = await oa.deliver(textEvent(text, `mid-${randomUUID()}`, Date.now(), follower));
        if (!texts.length) throw new Error("the OA sent nothing back");
        for (const t of texts)
          if (t.length > ZALO_OA_MAX_TEXT) throw new Error("message over the OA's limit");
      }
      return {
        send: turn,
        async tap(label) {
          const { options, typed } = numberedOptions(texts);
          const at = options.lastIndexOf(label);
          if (at < 0) throw new Error(`no numbered option “${label}”`);
          await turn(typed[at] as string);
        },
        lastReplies: (): Shown => ({ texts, options: numberedOptions(texts).options }),
      };
    },
  };
}

describe("channel conformance: the ward's Zalo Official Account", () => {
  it("takes a learner from onboarding to a cited answer, a whole quiz, progress and a linking code", async () => {
    await runJourney(await zaloOaChannel(), await testCurriculum());
  });
});
