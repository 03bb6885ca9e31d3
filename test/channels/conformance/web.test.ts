import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { testCurriculum } from "../../helpers/core.ts";
import { startWebChat } from "../web/web-server.ts";
import { type ChannelDriver, type ConformanceChannel, runJourney, type Shown } from "./journey.ts";

interface WebReply {
  text: string;
  options?: { label: string; action: string; full?: string }[];
  link?: { label: string; url: string };
}

/** The page shows *emphasis* as bold: the person reads the words without the asterisks. */
const unstarred = (text: string) => text.replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "$1");

/**
 * The web chat through its HTTP contract: the real server on a loopback port, `POST /api/chat` with the
 * session id the page keeps; a tap sends the option's action, as the page's buttons do.
 */
async function webChannel(): Promise<ConformanceChannel> {
  const web = await startWebChat();
  onTestFinished(() => web.close());
  return {
    async newPerson(): Promise<ChannelDriver> {
      const sessionId = `conformance-${randomUUID()}`;
      let replies: WebReply[] = [];
      async function turn(input: { text: string } | { action: string }) {
        const response = await fetch(`${web.base}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ sessionId, ...input }),
        });
        expect(response.status).toBe(200);
        replies = ((await response.json()) as { replies: WebReply[] }).replies;
      }
      const options = () => replies.flatMap((r) => r.options ?? []);
      return {
        send: (text) => turn({ text }),
        async tap(label) {
          const option = options()
            .reverse()
            .find((o) => o.label === label);
          if (!option) throw new Error(`no button “${label}”`);
          await turn({ action: option.action });
        },
        lastReplies: (): Shown => ({
          texts: replies.map((r) => unstarred(r.text)),
          options: options().map((o) => o.label),
        }),
      };
    },
  };
}

describe("channel conformance: the web chat", () => {
  it("takes a learner from onboarding to a cited answer, a whole quiz, progress and a linking code", async () => {
    await runJourney(await webChannel(), await testCurriculum());
  });
});
