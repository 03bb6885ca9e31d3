import { type LearnerFacts, learnerFacts } from "../../learning/learner-facts.ts";
import type { PersonalDataPart } from "../../learning/personal-data.ts";
import { vietnamDayOf } from "../../shared/vietnam-time.ts";
import type { Store } from "../../storage/store.ts";
import { Classes } from "../classes.ts";

const KEY = "report:erased";
/** Erased records keep the Vietnam day of each step, not its time. */
const day = vietnamDayOf;

/** What an erased learner leaves for the ward's counts: tổ, group and the days of each step; no id, no name. */
export function anonymise(facts: LearnerFacts): LearnerFacts {
  return {
    group: facts.group,
    registeredAt: day(facts.registeredAt),
    reads: facts.reads.map(day).sort((a, b) => a - b),
    passes: Object.fromEntries(Object.entries(facts.passes).map(([m, t]) => [m, day(t)])),
    ...(facts.to ? { to: facts.to } : {}),
    ...(facts.lastSeenAt !== undefined ? { lastSeenAt: day(facts.lastSeenAt) } : {}),
    ...(facts.certifiedAt !== undefined ? { certifiedAt: day(facts.certifiedAt) } : {}),
  };
}

/** The anonymous records of erased learners, counted by reports like any other learner. */
export async function erasedFacts(store: Store): Promise<LearnerFacts[]> {
  return (await store.lrange(KEY, 0, -1)).map((raw) => JSON.parse(raw) as LearnerFacts);
}

/**
 * The first erasure part: before anything is deleted, keeps the learner's anonymous record so the
 * ward's totals do not drop when someone erases their data. Exports nothing (it holds nothing personal).
 */
export function aggregatesKeeper(store: Store): PersonalDataPart {
  return {
    name: "thongKeAnDanh",
    export: async () => ({}),
    erase: async (personId) => {
      const facts = await learnerFacts(store, personId);
      if (!facts) return;
      await store.rpush(KEY, JSON.stringify(anonymise(facts)));
      // Check-ins: the class keeps an anonymous attendee (tổ and group) in place of the person.
      const classes = new Classes(store);
      const who = { group: facts.group, ...(facts.to ? { to: facts.to } : {}) };
      for (const classId of await classes.attendedClasses(personId))
        await classes.keepAnonymousAttendee(classId, who);
    },
  };
}
