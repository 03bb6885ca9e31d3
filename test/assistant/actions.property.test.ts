import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_MAX_BYTES,
  type Action,
  type ActionKind,
  actionSchema,
  decodeAction,
  encodeAction,
} from "../../src/assistant/actions.ts";
import { LEARNER_GROUPS } from "../../src/knowledge/schema.ts";
import { testCurriculum } from "../helpers/core.ts";

const lowerDigit = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789".split(""));
const word = (max: number) => fc.string({ unit: lowerDigit, minLength: 1, maxLength: max });
/** `a-b-c`: lower-case letters and digits joined by single hyphens. */
const slug = fc.array(word(8), { minLength: 1, maxLength: 5 }).map((w) => w.join("-"));
const lessonId = fc.tuple(slug, slug).map(([m, l]) => `${m}/${l}`);
const sixChars = fc.string({ unit: lowerDigit, minLength: 6, maxLength: 6 });
const shortArg = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-".split("")),
  minLength: 1,
  maxLength: 40,
});

const NO_ARG = [
  "to-skip",
  "menu",
  "help",
  "ask",
  "modules",
  "restart",
  "review",
  "place",
  "cancel",
  "resume",
  "progress",
  "certificate",
  "more",
] as const;

/** Every kind of action with every shape of argument its schema allows. */
const validAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("consent" as const), arg: fc.constantFrom("yes" as const, "no" as const) }),
  fc.record({ kind: fc.constant("group" as const), arg: fc.constantFrom(...LEARNER_GROUPS) }),
  fc.record({
    kind: fc.constant("mode" as const),
    arg: fc.constantFrom("elderly" as const, "normal" as const),
  }),
  fc.record({ kind: fc.constant("module" as const), arg: slug }),
  fc.record({ kind: fc.constant("lesson" as const), arg: lessonId }),
  fc.record({ kind: fc.constant("quiz" as const), arg: slug }),
  fc.record({ kind: fc.constant("lquiz" as const), arg: lessonId }),
  fc.record({
    kind: fc.constant("ans" as const),
    arg: fc
      .tuple(sixChars, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 }))
      .map(([s, q, o]) => `${s}.${q}.${o}`),
  }),
  fc.record({ kind: fc.constant("did" as const), arg: lessonId }),
  fc.record({ kind: fc.constant("erase" as const), arg: fc.constantFrom("yes" as const, "no" as const) }),
  fc.record({ kind: fc.constant("remind" as const), arg: fc.constantFrom("on" as const, "off" as const) }),
  fc.record({ kind: fc.constant("dlg" as const), arg: shortArg }),
  fc.record({
    kind: fc.constant("rsvp" as const),
    arg: fc.tuple(sixChars, fc.constantFrom("y", "n", "x")).map(([id, c]) => `${id}.${c}`),
  }),
  fc.record({ kind: fc.constant("bcx" as const), arg: shortArg }),
  fc.record({ kind: fc.constant("att" as const), arg: sixChars }),
  fc.constantFrom(...NO_ARG).map((kind) => ({ kind }) as Action),
);

const bytes = (s: string) => Buffer.byteLength(s);
const encodedLength = (a: Action) => bytes("arg" in a ? `v1:${a.kind}:${a.arg}` : `v1:${a.kind}`);
/** Valid actions short enough to be encoded. */
const fitting = validAction.filter((a) => encodedLength(a) <= ACTION_MAX_BYTES);

/** Strings that look like actions: the right prefix, real and made-up kinds, odd arguments. */
const KINDS = [
  ...actionSchema.options.map((o) => o.shape.kind.value as ActionKind),
  "constructor",
  "proto",
  "tostring",
  "admin",
  "x",
];
const actionLike = fc
  .tuple(
    fc.constantFrom("v1:", "v1:", "v2:", "V1:", "v1::", "", " v1:"),
    fc.constantFrom(...KINDS),
    fc.option(fc.string({ unit: "binary", maxLength: 70 })),
  )
  .map(([prefix, kind, arg]) => (arg === null ? `${prefix}${kind}` : `${prefix}${kind}:${arg}`));
/** A valid action with one character inserted, replaced or deleted somewhere. */
const mutated = fc
  .tuple(fitting, fc.nat(), fc.string({ unit: "binary", maxLength: 3 }), fc.nat({ max: 2 }))
  .map(([a, at, insert, cut]) => {
    const s = encodeAction(a);
    const i = at % (s.length + 1);
    return `${s.slice(0, i)}${insert}${s.slice(i + cut)}`;
  });
const anyString = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  actionLike,
  mutated,
);

describe("action codec properties", () => {
  it("decodes what it encodes, for every kind and argument that fits", () => {
    fc.assert(
      fc.property(fitting, (action) => {
        expect(decodeAction(encodeAction(action))).toEqual(action);
      }),
      { numRuns: 2000 },
    );
  });

  it("never produces more than Telegram's 64 bytes of callback_data: too long an action throws", () => {
    fc.assert(
      fc.property(validAction, (action) => {
        if (encodedLength(action) > ACTION_MAX_BYTES) expect(() => encodeAction(action)).toThrow();
        else expect(bytes(encodeAction(action))).toBeLessThanOrEqual(64);
      }),
      { numRuns: 2000 },
    );
  });

  it("encodes every action the real curriculum can produce within 64 bytes", async () => {
    const curriculum = await testCurriculum();
    const actions: Action[] = [];
    for (const m of curriculum.modules)
      actions.push({ kind: "module", arg: m.slug }, { kind: "quiz", arg: m.slug });
    for (const id of curriculum.lessons.keys())
      actions.push({ kind: "lesson", arg: id }, { kind: "lquiz", arg: id }, { kind: "did", arg: id });
    expect(actions.length).toBeGreaterThan(20);
    for (const action of actions) {
      const encoded = encodeAction(action);
      expect(bytes(encoded), encoded).toBeLessThanOrEqual(64);
      expect(decodeAction(encoded)).toEqual(action);
    }
  });

  it("never throws on arbitrary strings, and decodes only to a valid action that encodes back to them", () => {
    let decodedSome = 0;
    fc.assert(
      fc.property(anyString, (raw) => {
        const decoded = decodeAction(raw);
        if (decoded === null) return;
        decodedSome++;
        expect(actionSchema.safeParse(decoded).success).toBe(true);
        expect(encodeAction(decoded)).toBe(raw);
        expect(bytes(raw)).toBeLessThanOrEqual(64);
      }),
      { numRuns: 3000 },
    );
    // Near-misses of real actions are among the inputs: a decoder that refused everything would not pass.
    expect(decodedSome).toBeGreaterThan(30);
  });

  it("rejects values that are not strings at all", () => {
    for (const value of [undefined, null, 42, {}, ["v1:menu"], { kind: "menu" }])
      expect(decodeAction(value as unknown as string)).toBeNull();
  });

  it("rejects a valid action padded past 64 bytes", () => {
    fc.assert(
      fc.property(fitting, fc.string({ maxLength: 20 }), (action, extra) => {
        const encoded = encodeAction(action);
        const padded = `${encoded}${"a".repeat(ACTION_MAX_BYTES + 1 - bytes(encoded))}${extra}`;
        expect(decodeAction(padded)).toBeNull();
      }),
    );
  });
});
