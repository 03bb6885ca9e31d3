import { messages } from "../catalog/assistant-common.ts";
import { erasePersonalData } from "../learning/personal-data.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import { decodeAction } from "./actions.ts";
import { parseCommand } from "./commands.ts";
import { dispatch } from "./dispatch.ts";
import { guest } from "./feature.ts";
import { FEATURES } from "./feature-list.ts";
import { cleanText } from "./input.ts";
import { menuReply } from "./menus.ts";
import { NOTICE_MAX_CHARS } from "./notice-dialogue.ts";
import { isPastedLink } from "./pasted-link.ts";
import { guardTurns } from "./turn-guard.ts";
import { type AssistantDeps, createTurnServices } from "./turn-services.ts";
import type { DomainAssistant } from "./types.ts";

export type { AssistantDeps } from "./turn-services.ts";

/** The one entry point of the domain: offers each turn to the features in order (feature-list.ts), never throws. */
export function createAssistant(deps: AssistantDeps): DomainAssistant {
  const now = deps.now ?? (() => new Date());
  const services = createTurnServices(deps, now);
  const { ctx, parts } = services;

  async function turn(inbound: Inbound): Promise<Reply[]> {
    const { text, truncated } = cleanText(inbound.text);
    const action = inbound.action === undefined ? null : decodeAction(inbound.action);
    if (inbound.action !== undefined && !action) return [menuReply(messages.unknownAction)];
    const pasted = isPastedLink(inbound, text);
    if (!action && !text && !pasted) return [{ text: messages.emptyMessage }];
    const command = !action && text && !pasted ? parseCommand(text) : null;
    const personId = await ctx.identities.personOf(inbound.channel, inbound.userId);
    // Nothing personal in a group chat: everyone there is a guest.
    const profile = inbound.inGroup ? guest(personId) : await ctx.learners.get(personId);
    const longText = cleanText(inbound.text, NOTICE_MAX_CHARS + 1).text;
    const read = { action, command, text, truncated, longText, pasted };
    return dispatch(FEATURES, { ...services, inbound, personId, profile, ...read });
  }

  return {
    async erasePerson(personId) {
      await erasePersonalData(parts, personId, await ctx.identities.accountsOf(personId), deps.store);
    },
    handle: guardTurns(turn, { logger: deps.logger, now, floodPerMinute: deps.floodPerMinute ?? 0 }),
  };
}
