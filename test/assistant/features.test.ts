import { describe, expect, it } from "vitest";
import { LEARNER_COMMANDS, ORGANIZER_COMMANDS, parseCommand } from "../../src/assistant/commands.ts";
import type { Feature } from "../../src/assistant/feature.ts";
import { FEATURES } from "../../src/assistant/feature-list.ts";
import { commandDescriptions } from "../../src/catalog/assistant-commands.ts";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { organizerMessages as om } from "../../src/catalog/assistant-organizer.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";

/** Every slash command a feature declares, with the feature that declares it. */
const slashCommands = (keep: (f: Feature) => boolean) =>
  FEATURES.filter(keep).flatMap((feature) =>
    (feature.commands ?? []).flatMap((c) => (c.slash ?? []).map((slash) => ({ feature, slash }))),
  );

describe("features are the single source of commands", () => {
  it("the command menus list exactly the commands the features put in a menu, with the catalog's lines", () => {
    const declared = (menu: "learners" | "organizers") =>
      FEATURES.flatMap((f) => (f.commands ?? []).filter((c) => c.menu === menu))
        .map((c) => c.slash?.[0])
        .sort();
    expect(LEARNER_COMMANDS.map((c) => c.command).sort()).toEqual(declared("learners"));
    expect(ORGANIZER_COMMANDS.map((c) => c.command).sort()).toEqual(declared("organizers"));
    for (const c of [...LEARNER_COMMANDS, ...ORGANIZER_COMMANDS])
      expect(c.description).toBe(commandDescriptions[c.command as keyof typeof commandDescriptions]);
    // Every line of the catalog belongs to a listed command: nothing described that no feature offers.
    expect([...LEARNER_COMMANDS, ...ORGANIZER_COMMANDS].map((c) => c.command).sort()).toEqual(
      Object.keys(commandDescriptions).sort(),
    );
  });

  it("every spelling a feature declares parses to its command, and every command parsed has a feature", () => {
    const taken = new Set(FEATURES.flatMap((f) => (f.commands ?? []).map((c) => c.name)));
    for (const feature of FEATURES)
      for (const command of feature.commands ?? []) {
        for (const slash of command.slash ?? [])
          expect(parseCommand(`/${slash} x`)).toEqual({ name: command.name, args: "x" });
        for (const word of command.words ?? []) expect(parseCommand(word)?.name).toBe(command.name);
        expect(taken.has(command.name)).toBe(true);
      }
    expect(parseCommand("/khongcolenhnay")?.name).toBe("unknown");
  });
});

describe("the audience a feature declares is enforced", () => {
  it("a learner sending any organizer feature's command gets the organizer refusal", async () => {
    const assistant = await testAssistant(await tempStore());
    await onboard(assistant, "u-learner");
    const organizerOnly = slashCommands((f) => f.audience === "organizer");
    expect(organizerOnly.length).toBeGreaterThan(5);
    for (const { slash } of organizerOnly) {
      const replies = await assistant.handle({ channel: "telegram", userId: "u-learner", text: `/${slash}` });
      expect(replies, `/${slash}`).toEqual([{ text: om.notOrganizer("telegram:u-learner") }]);
    }
  });

  it("someone who declined to register is asked to register for every learner feature's command", async () => {
    const assistant = await testAssistant(await tempStore());
    await assistant.handle({ channel: "web", userId: "u-declined", text: "xin chào" });
    await assistant.handle({ channel: "web", userId: "u-declined", action: "v1:consent:no" });
    const learnerOnly = slashCommands((f) => f.audience === "learner");
    expect(learnerOnly.length).toBeGreaterThan(2);
    for (const { slash } of learnerOnly) {
      const replies = await assistant.handle({ channel: "web", userId: "u-declined", text: `/${slash}` });
      expect(replies, `/${slash}`).toEqual([{ text: lm.needOnboarding }]);
    }
  });

  it("in a group chat, a command of a feature not declared usable in groups is private", async () => {
    const assistant = await testAssistant(await tempStore());
    const privateOnly = slashCommands((f) => !f.inGroups);
    const group = slashCommands((f) => f.inGroups === true);
    expect(group.length).toBeGreaterThan(0);
    for (const { slash } of privateOnly) {
      const replies = await assistant.handle({
        channel: "telegram",
        userId: "g1",
        inGroup: true,
        text: `/${slash}`,
      });
      expect(replies, `/${slash}`).toEqual([{ text: lm.privateOnly }]);
    }
    for (const { slash } of group) {
      const replies = await assistant.handle({
        channel: "telegram",
        userId: "g1",
        inGroup: true,
        text: `/${slash}`,
      });
      expect(replies[0]?.text, `/${slash}`).not.toBe(lm.privateOnly);
    }
  });
});
