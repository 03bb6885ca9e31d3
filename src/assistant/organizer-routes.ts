import { organizerMessages as om } from "../catalog/assistant-organizer.ts";
import type { Reply } from "../messaging/message.ts";
import type { Action } from "./actions.ts";
import { broadcastStatusReply, cancelBroadcastReply } from "./broadcast-status-flow.ts";
import { continueClassDialogue, startClassDialogue } from "./class-dialogue.ts";
import {
  askCheckInCode,
  attendanceReply,
  attendeesReply,
  checkInReply,
  classesReply,
  rsvpReply,
} from "./class-flow.ts";
import type { ParsedCommand } from "./commands.ts";
import { continueNoticeDialogue, startNoticeDialogue } from "./notice-dialogue.ts";
import {
  type Dialogue,
  type DialogueInput,
  endDialogue,
  loadDialogue,
  type OrgScope,
  organizerOf,
  refuse,
} from "./organizer-context.ts";
import { questionLogReply } from "./question-log-flow.ts";
import { dashboardLoginReply, reportReply } from "./report-flow.ts";
import { revokeCertificateCommand, rolesCommand } from "./roles-flow.ts";

export interface OrganizerTurn {
  command: ParsedCommand | null;
  action: Action | null | undefined;
  text: string;
  longText: string;
}

/**
 * Organizer tools and the resident side of classes (RSVP, /lichhoc, check-in), plus any open organizer
 * dialogue. Resolves null when the turn is not theirs, so the learning routes handle it.
 */
export async function routeOrganizer(scope: OrgScope, turn: OrganizerTurn): Promise<Reply[] | null> {
  if (turn.action) return organizerAction(scope, turn.action, turn);
  if (turn.command) return organizerCommand(scope, turn.command);
  if (!turn.text) return null;
  const dialogue = await loadDialogue(scope);
  return dialogue ? continueDialogue(scope, dialogue, { text: turn.text, longText: turn.longText }) : null;
}

async function organizerAction(
  scope: OrgScope,
  action: Action,
  turn: OrganizerTurn,
): Promise<Reply[] | null> {
  switch (action.kind) {
    case "dlg": {
      const dialogue = await loadDialogue(scope);
      if (!dialogue) return [{ text: om.dialogueExpired }];
      return continueDialogue(scope, dialogue, {
        text: turn.text,
        longText: turn.longText,
        choice: action.arg,
      });
    }
    case "rsvp":
      return rsvpReply(scope, action.arg);
    case "bcx": {
      const organizer = await organizerOf(scope);
      return organizer ? cancelBroadcastReply(scope, organizer, action.arg) : refuse(scope, "bcx");
    }
    case "back": {
      const dialogue = await loadDialogue(scope);
      return dialogue ? [{ text: om.dialogueOpen(dialogue.kind) }] : null;
    }
    case "att": {
      const organizer = await organizerOf(scope);
      return organizer ? attendeesReply(scope, organizer, action.arg) : refuse(scope, "att");
    }
    default:
      return null;
  }
}

async function organizerCommand(scope: OrgScope, command: ParsedCommand): Promise<Reply[] | null> {
  switch (command.name) {
    case "cancel": {
      if (!(await loadDialogue(scope))) return null;
      await endDialogue(scope);
      return [{ text: om.cancelledDialogue }];
    }
    case "classes": {
      const profile = await scope.ctx.learners.get(scope.personId);
      return profile?.step === "ready" ? classesReply(scope, profile) : null;
    }
    case "attendance": {
      if (/^\d{4,8}$/.test(command.args))
        return checkInReply(scope, await scope.ctx.learners.get(scope.personId), command.args);
      const organizer = await organizerOf(scope);
      return organizer ? attendanceReply(scope, organizer) : askCheckInCode(scope);
    }
    case "create-class":
    case "broadcast":
    case "broadcast-status":
    case "roles":
    case "revoke-certificate":
    case "report":
    case "dashboard":
    case "question-log":
      return gated(scope, command);
    default:
      return null;
  }
}

async function gated(scope: OrgScope, command: ParsedCommand): Promise<Reply[]> {
  const organizer = await organizerOf(scope);
  if (!organizer) return refuse(scope, command.name);
  switch (command.name) {
    case "create-class":
      return startClassDialogue(scope);
    case "broadcast":
      return startNoticeDialogue(scope);
    case "broadcast-status":
      return broadcastStatusReply(scope, organizer);
    case "roles":
      return organizer.admin ? rolesCommand(scope, organizer, command.args) : [{ text: om.adminOnly }];
    case "report":
      return reportReply(scope, organizer, command.args);
    case "dashboard":
      return dashboardLoginReply(scope, organizer);
    case "question-log":
      return questionLogReply(scope, organizer, command.args);
    default:
      return revokeCertificateCommand(scope, organizer, command.args);
  }
}

async function continueDialogue(scope: OrgScope, dialogue: Dialogue, input: DialogueInput): Promise<Reply[]> {
  if (dialogue.kind === "checkin")
    return checkInReply(scope, await scope.ctx.learners.get(scope.personId), input.text);
  const organizer = await organizerOf(scope);
  if (!organizer) {
    await endDialogue(scope);
    return refuse(scope, dialogue.kind);
  }
  if (dialogue.kind === "class")
    return continueClassDialogue(scope, organizer, dialogue.step, dialogue.data, input);
  return continueNoticeDialogue(scope, organizer, dialogue.step, dialogue.data, input);
}
