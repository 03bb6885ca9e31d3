import { organizerMessages as om } from "../../catalog/assistant-organizer.ts";
import type { Reply } from "../../messaging/message.ts";
import { broadcastStatusReply, cancelBroadcastReply } from "../broadcast-status-flow.ts";
import { continueClassDialogue, startClassDialogue } from "../class-dialogue.ts";
import { attendeesReply, checkInReply } from "../class-flow.ts";
import type { Feature, FeatureTurn } from "../feature.ts";
import { continueNoticeDialogue, startNoticeDialogue } from "../notice-dialogue.ts";
import {
  type Dialogue,
  type DialogueInput,
  endDialogue,
  loadDialogue,
  organizerOf,
  refuse,
} from "../organizer-context.ts";
import { questionLogReply } from "../question-log-flow.ts";
import { dashboardLoginReply, reportReply } from "../report-flow.ts";
import { revokeCertificateCommand, rolesCommand } from "../roles-flow.ts";

/**
 * An open dialogue (a class or notice being written, a check-in code awaited) takes the person's next
 * typed text or choice; /huy ends it. Without one, the turn passes on (/huy then stops a quiz).
 */
export const openDialogue: Feature = {
  name: "open-dialogue",
  audience: "everyone",
  commands: [{ name: "cancel" }],
  actions: ["dlg", "back"],
  text: true,
  async handle(turn) {
    const dialogue = await loadDialogue(turn);
    if (turn.command) {
      if (!dialogue) return null;
      await endDialogue(turn);
      return [{ text: om.cancelledDialogue }];
    }
    if (turn.action?.kind === "back") return dialogue ? [{ text: om.dialogueOpen(dialogue.kind) }] : null;
    if (turn.action?.kind === "dlg") {
      if (!dialogue) return [{ text: om.dialogueExpired }];
      return continueDialogue(turn, dialogue, {
        text: turn.text,
        longText: turn.longText,
        choice: turn.action.arg,
      });
    }
    if (!dialogue || !turn.text) return null;
    return continueDialogue(turn, dialogue, { text: turn.text, longText: turn.longText });
  },
};

/** The role is checked again on every step: one revoked mid-dialogue ends it. */
async function continueDialogue(
  turn: FeatureTurn,
  dialogue: Dialogue,
  input: DialogueInput,
): Promise<Reply[]> {
  if (dialogue.kind === "checkin")
    return checkInReply(turn, await turn.ctx.learners.get(turn.personId), input.text);
  const organizer = await organizerOf(turn);
  if (!organizer) {
    await endDialogue(turn);
    return refuse(turn, dialogue.kind);
  }
  if (dialogue.kind === "class")
    return continueClassDialogue(turn, organizer, dialogue.step, dialogue.data, input);
  return continueNoticeDialogue(turn, organizer, dialogue.step, dialogue.data, input);
}

export const createClass: Feature = {
  name: "create-class",
  audience: "organizer",
  commands: [{ name: "create-class", slash: ["taolop"], menu: "organizers" }],
  handle: (turn) => startClassDialogue(turn),
};

export const broadcast: Feature = {
  name: "broadcast",
  audience: "organizer",
  commands: [{ name: "broadcast", slash: ["thongbao"], menu: "organizers" }],
  handle: (turn) => startNoticeDialogue(turn),
};

export const broadcastStatus: Feature = {
  name: "broadcast-status",
  audience: "organizer",
  commands: [{ name: "broadcast-status", slash: ["baocaogui"], menu: "organizers" }],
  actions: ["bcx"],
  handle: (turn) =>
    turn.action?.kind === "bcx"
      ? cancelBroadcastReply(turn, turn.organizer, turn.action.arg)
      : broadcastStatusReply(turn, turn.organizer),
};

export const report: Feature = {
  name: "report",
  audience: "organizer",
  commands: [{ name: "report", slash: ["baocao"], menu: "organizers" }],
  handle: (turn) => reportReply(turn, turn.organizer, turn.command?.args ?? ""),
};

export const dashboardLogin: Feature = {
  name: "dashboard",
  audience: "organizer",
  commands: [{ name: "dashboard", slash: ["quantri"], menu: "organizers" }],
  handle: (turn) => dashboardLoginReply(turn, turn.organizer),
};

export const questionLog: Feature = {
  name: "question-log",
  audience: "organizer",
  commands: [{ name: "question-log", slash: ["nhatky"], menu: "organizers" }],
  handle: (turn) => questionLogReply(turn, turn.organizer, turn.command?.args ?? ""),
};

/** Granting and revoking the organizer role: admins only (organizers are told so). */
export const roles: Feature = {
  name: "roles",
  audience: "organizer",
  commands: [{ name: "roles", slash: ["phanquyen"], menu: "organizers" }],
  handle: async (turn) =>
    turn.organizer.admin
      ? rolesCommand(turn, turn.organizer, turn.command?.args ?? "")
      : [{ text: om.adminOnly }],
};

export const revokeCertificate: Feature = {
  name: "revoke-certificate",
  audience: "organizer",
  commands: [{ name: "revoke-certificate", slash: ["thuhoicn"], menu: "organizers" }],
  handle: (turn) => revokeCertificateCommand(turn, turn.organizer, turn.command?.args ?? ""),
};

/** A class's attendee list, from the button under /diemdanh. */
export const attendees: Feature = {
  name: "attendees",
  audience: "organizer",
  actions: ["att"],
  handle: (turn) => attendeesReply(turn, turn.organizer, turn.action?.kind === "att" ? turn.action.arg : ""),
};
