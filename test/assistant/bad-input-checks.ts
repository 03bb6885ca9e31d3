/** What every reply to bad input must satisfy, and what hostile input must never have caused. */
import { expect } from "vitest";
import { ACTION_MAX_BYTES, decodeAction } from "../../src/assistant/actions.ts";
import { MAX_TEXT_CHARS } from "../../src/assistant/input.ts";
import { tutorMessages as tm } from "../../src/catalog/tutor.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import type { Reply } from "../../src/messaging/message.ts";
import { AuditLog } from "../../src/organizer/audit.ts";
import { Outbox } from "../../src/organizer/outbox.ts";
import { Roles } from "../../src/organizer/roles.ts";
import type { Store } from "../../src/storage/store.ts";
import { invisibleIn, LONE_SURROGATE, PROMPT_LINES } from "../helpers/reply-safety.ts";

/** What every reply to any input must satisfy. */
export function expectSafeReplies(replies: Reply[]): void {
  expect(replies.length).toBeGreaterThan(0);
  let total = 0;
  for (const reply of replies) {
    expect(typeof reply.text).toBe("string");
    expect(reply.text.trim()).not.toBe("");
    expect(invisibleIn(reply.text)).toEqual([]);
    expect(reply.text).not.toMatch(LONE_SURROGATE);
    for (const line of PROMPT_LINES) expect(reply.text).not.toContain(line);
    for (const option of reply.options ?? []) {
      expect(option.label.trim()).not.toBe("");
      expect(Buffer.byteLength(option.action)).toBeLessThanOrEqual(ACTION_MAX_BYTES);
      expect(decodeAction(option.action), option.action).not.toBeNull();
    }
    if (reply.link) expect(reply.link.url).toMatch(/^https:\/\/hocvuso\.test\//);
    total += reply.text.length;
  }
  // Nothing a person typed is echoed back at length.
  expect(total).toBeLessThan(MAX_TEXT_CHARS + 2000);
}

/** A refusal, a question back with lesson choices, or an answer citing a lesson with options into it. */
export function expectRefusalOrLesson(replies: Reply[]): void {
  const first = replies[0]?.text ?? "";
  const refusals = [tm.dontKnow, tm.outOfScope, tm.medical, tm.referral(undefined, undefined).slice(0, 40)];
  if (refusals.some((r) => first.includes(r))) return;
  if (first.includes(tm.clarify)) {
    expect(replies[0]?.options?.some((o) => /^v1:pick:[a-z0-9-]+\/[a-z0-9-]+\.\d+$/.test(o.action))).toBe(
      true,
    );
    return;
  }
  expect(first).toMatch(/Xem bài: .+/);
  expect(replies[0]?.options?.some((o) => /^v1:lesson:[a-z0-9-]+\/[a-z0-9-]+$/.test(o.action))).toBe(true);
}

/** Nothing an injected instruction could have asked for was done. */
export async function expectNothingGranted(store: Store): Promise<void> {
  expect(await new Certificates(store, "unused-secret").ids()).toEqual([]);
  expect(await new Roles(store, [], new AuditLog(store)).list()).toEqual([]);
  expect(await new Outbox(store).ids()).toEqual([]);
}
