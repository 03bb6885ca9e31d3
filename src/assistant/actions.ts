import { z } from "zod";
import { LEARNER_GROUPS } from "../knowledge/schema.ts";

/** Action strings are short, versioned (`v1:`) and validated; anything else is rejected as unknown. */
export const ACTION_MAX_BYTES = 64;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const lessonId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/);

export const actionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("consent"), answer: z.enum(["yes", "no"]) }),
  z.object({ kind: z.literal("group"), group: z.enum(LEARNER_GROUPS) }),
  z.object({ kind: z.literal("to-skip") }),
  z.object({ kind: z.literal("menu") }),
  z.object({ kind: z.literal("help") }),
  z.object({ kind: z.literal("ask") }),
  z.object({ kind: z.literal("modules") }),
  z.object({ kind: z.literal("module"), module: slug }),
  z.object({ kind: z.literal("lesson"), lesson: lessonId }),
  z.object({ kind: z.literal("restart") }),
]);
export type Action = z.infer<typeof actionSchema>;

/** Encodes an action as `v1:<kind>[:<arg>]`. */
export function encodeAction(action: Action): string {
  const arg =
    action.kind === "consent"
      ? action.answer
      : action.kind === "group"
        ? action.group
        : action.kind === "module"
          ? action.module
          : action.kind === "lesson"
            ? action.lesson
            : undefined;
  const encoded = arg === undefined ? `v1:${action.kind}` : `v1:${action.kind}:${arg}`;
  if (Buffer.byteLength(encoded) > ACTION_MAX_BYTES) throw new Error(`action too long: ${encoded}`);
  return encoded;
}

/** Decodes an action string; returns null for anything malformed, unknown or too long. */
export function decodeAction(raw: string): Action | null {
  if (typeof raw !== "string" || Buffer.byteLength(raw) > ACTION_MAX_BYTES) return null;
  const match = /^v1:([a-z-]+)(?::(.+))?$/.exec(raw);
  if (!match) return null;
  const [, kind, arg] = match;
  const candidate: Record<string, unknown> = { kind };
  if (kind === "consent") candidate.answer = arg;
  else if (kind === "group") candidate.group = arg;
  else if (kind === "module") candidate.module = arg;
  else if (kind === "lesson") candidate.lesson = arg;
  else if (arg !== undefined) return null;
  const parsed = actionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
