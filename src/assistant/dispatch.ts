import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import type { Reply } from "../messaging/message.ts";
import type { Feature, FeatureTurn } from "./feature.ts";
import { menuReply } from "./menus.ts";
import { organizerOf, refuse } from "./organizer-context.ts";

/** A learner feature the person may not use yet (not registered): skipped, and said only if nothing else answers. */
const NOT_A_LEARNER = Symbol("not a learner");

/**
 * Offers the turn to each feature in list order (feature-list.ts). A feature takes it if it declares the
 * action, the command or typed text; the audience it declares is checked here, and only here, before its
 * handler runs. A handler may pass (null) to the next feature. In a group chat only features usable in groups
 * are offered the turn; anything else is private.
 */
export async function dispatch(features: readonly Feature[], turn: FeatureTurn): Promise<Reply[]> {
  let notALearner = false;
  for (const feature of features) {
    if (!takes(feature, turn) || (turn.inbound.inGroup && !feature.inGroups)) continue;
    const replies = await admitted(feature, turn);
    if (replies === NOT_A_LEARNER) notALearner = true;
    else if (replies) return replies;
  }
  if (turn.inbound.inGroup) return [{ text: lm.privateOnly }];
  if (notALearner) return [{ text: lm.needOnboarding }];
  return [menuReply(turn.action ? messages.unknownAction : messages.unknownCommand)];
}

function takes(feature: Feature, turn: FeatureTurn): boolean {
  if (feature.everyTurn) return true;
  if (turn.action) return feature.actions?.includes(turn.action.kind) ?? false;
  const command = turn.command;
  if (command) return feature.commands?.some((c) => c.name === command.name) ?? false;
  return feature.text === true;
}

/** The permission check, from the feature's declared audience (see Feature in feature.ts). */
async function admitted(feature: Feature, turn: FeatureTurn): Promise<Reply[] | null | typeof NOT_A_LEARNER> {
  switch (feature.audience) {
    case "everyone":
      return feature.handle(turn);
    case "organizer": {
      const organizer = await organizerOf(turn);
      if (!organizer) return refuse(turn, turn.command?.name ?? turn.action?.kind ?? feature.name);
      return feature.handle({ ...turn, organizer });
    }
    case "learner":
      if (turn.profile?.step !== "ready") return NOT_A_LEARNER;
      return feature.handle({ ...turn, profile: turn.profile });
    case "resident":
      if (!turn.profile) throw new Error(`feature ${feature.name} is listed before the onboarding feature`);
      return feature.handle({ ...turn, profile: turn.profile });
  }
}
