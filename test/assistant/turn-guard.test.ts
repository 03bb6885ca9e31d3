import pino from "pino";
import { describe, expect, it } from "vitest";
import { guardTurns } from "../../src/assistant/turn-guard.ts";
import { messages } from "../../src/catalog/assistant-common.ts";
import type { Inbound } from "../../src/messaging/message.ts";
import { StoreUnavailableError } from "../../src/storage/store.ts";

const inbound: Inbound = { channel: "web", userId: "s-1", text: "xin chào" };
const failingWith = (error: unknown) =>
  guardTurns(
    async () => {
      throw error;
    },
    { logger: pino({ level: "silent" }), now: () => new Date() },
  );

describe("a turn that fails", () => {
  it("answers 'busy, try again' when the store is unavailable", async () => {
    const turn = failingWith(new StoreUnavailableError("redis", "ECONNREFUSED"));
    expect(await turn(inbound)).toEqual([{ text: messages.storeBusy }]);
  });

  it("answers the apology for any other failure, even one whose message mentions a connection", async () => {
    const turn = failingWith(new Error("ECONNREFUSED while calling the LLM"));
    expect(await turn(inbound)).toEqual([{ text: messages.internalError }]);
  });
});
