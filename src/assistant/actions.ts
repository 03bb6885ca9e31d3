import { z } from "zod";
import { LEARNER_GROUPS } from "../knowledge/schema.ts";

/** Action strings are short, versioned (`v1:`) and validated; anything else is rejected as unknown. */
export const ACTION_MAX_BYTES = 64;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const lessonId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/);
/** `<session id>.<question number>.<option number>`, e.g. `k3x9qa.3.2`. */
const answerRef = z.string().regex(/^[a-z0-9]{6}\.\d{1,2}\.\d$/);
const noArg = <K extends string>(kind: K) => z.object({ kind: z.literal(kind) });

export const actionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("consent"), arg: z.enum(["yes", "no"]) }),
  z.object({ kind: z.literal("group"), arg: z.enum(LEARNER_GROUPS) }),
  z.object({ kind: z.literal("mode"), arg: z.enum(["elderly", "normal"]) }),
  z.object({ kind: z.literal("module"), arg: slug }),
  z.object({ kind: z.literal("lesson"), arg: lessonId }),
  z.object({ kind: z.literal("quiz"), arg: slug }),
  z.object({ kind: z.literal("lquiz"), arg: lessonId }),
  z.object({ kind: z.literal("ans"), arg: answerRef }),
  z.object({ kind: z.literal("did"), arg: lessonId }),
  z.object({ kind: z.literal("erase"), arg: z.enum(["yes", "no"]) }),
  z.object({ kind: z.literal("remind"), arg: z.enum(["on", "off"]) }),
  /** A choice inside the organizer's open dialogue (class or notice), e.g. `ok`, `ward`, `m-vneid`. */
  z.object({ kind: z.literal("dlg"), arg: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  /** `<class id>.<y|n|x>`: join, decline, cancel. */
  z.object({ kind: z.literal("rsvp"), arg: z.string().regex(/^[a-z0-9]{6}\.[ynx]$/) }),
  /** Stop sending a broadcast. */
  z.object({ kind: z.literal("bcx"), arg: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  /** A class's attendee list (its organizer only). */
  z.object({ kind: z.literal("att"), arg: z.string().regex(/^[a-z0-9]{6}$/) }),
  /** A lesson section chosen after "Ý bạn là …": `<lesson id>.<section>`. */
  z.object({ kind: z.literal("pick"), arg: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\.\d{1,2}$/) }),
  /** "Không phải các ý này" after "Ý bạn là …". */
  noArg("nomatch"),
  /** A tổ dân phố chosen from the ward's list, by its place in the list. */
  z.object({ kind: z.literal("to"), arg: z.string().regex(/^\d{1,3}$/) }),
  noArg("to-skip"),
  noArg("menu"),
  noArg("help"),
  noArg("ask"),
  noArg("modules"),
  noArg("restart"),
  noArg("review"),
  noArg("place"),
  noArg("cancel"),
  noArg("resume"),
  noArg("progress"),
  noArg("certificate"),
  noArg("more"),
  /** The person came back (a reloaded web page): what is left open, offered to continue, else the menu. */
  noArg("back"),
]);
export type Action = z.infer<typeof actionSchema>;
export type ActionKind = Action["kind"];

/** Encodes an action as `v1:<kind>[:<arg>]`. */
export function encodeAction(action: Action): string {
  const encoded = "arg" in action ? `v1:${action.kind}:${action.arg}` : `v1:${action.kind}`;
  if (Buffer.byteLength(encoded) > ACTION_MAX_BYTES) throw new Error(`action too long: ${encoded}`);
  return encoded;
}

/** Shorthand for building an option's action: `act("quiz", "vneid")`. */
export function act(kind: ActionKind, arg?: string): string {
  return encodeAction((arg === undefined ? { kind } : { kind, arg }) as Action);
}

/** Decodes an action string; returns null for anything malformed, unknown or too long. */
export function decodeAction(raw: string): Action | null {
  if (typeof raw !== "string" || Buffer.byteLength(raw) > ACTION_MAX_BYTES) return null;
  const match = /^v1:([a-z-]+)(?::(.+))?$/.exec(raw);
  if (!match) return null;
  const [, kind, arg] = match;
  const parsed = actionSchema.safeParse(arg === undefined ? { kind } : { kind, arg });
  if (!parsed.success) return null;
  // A no-argument kind given an argument is rejected (zod strips unknown keys, so check here).
  if (arg !== undefined && !("arg" in parsed.data)) return null;
  return parsed.data;
}
