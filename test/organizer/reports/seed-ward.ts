import { readFileSync } from "node:fs";
import type { LearnerGroup } from "../../../src/knowledge/schema.ts";
import { Certificates } from "../../../src/learning/certificates.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import { ProgressStore } from "../../../src/learning/progress-store.ts";
import { Classes } from "../../../src/organizer/classes.ts";
import { Outbox } from "../../../src/organizer/outbox.ts";
import { createReports } from "../../../src/organizer/reports/reports.ts";
import type { Store } from "../../../src/storage/store.ts";
import { testWard } from "../../helpers/ward.ts";

/** The seeded ward's 6-month period and the moment the report is made. */
export const PERIOD = { from: "2026-01-01", to: "2026-04-30" };
export const NOW = new Date("2026-05-15T03:00:00Z");
export const POPULATION_CSV = readFileSync(
  new URL("../../fixtures/reports/dan-so.csv", import.meta.url),
  "utf8",
);

interface Person {
  id: string;
  group?: LearnerGroup;
  to?: string;
  registered: string;
  seen?: string;
  reads?: string[];
  passes?: Record<string, string>;
  certified?: string;
  revoked?: string;
}

const times = (n: number, make: (i: number) => Person): Person[] =>
  Array.from({ length: n }, (_, i) => make(i));

/**
 * A small ward whose numbers were worked out by hand (see reports.test.ts): 3 tổ with a population,
 * learners in every group, a revoked certificate, people registered on both sides of the period's end,
 * two classes in the period and one after, one notice in the period and one after.
 */
export const PEOPLE: Person[] = [
  // Tổ 1, residents: 12 registered in February, 8 used it in April; 6 certified (3 also passed AI).
  ...times(12, (i) => ({
    id: `tg:a${i}`,
    group: "nguoi-dan",
    to: "Tổ 1",
    registered: "2026-02-10T02:00:00Z",
    seen: i < 8 ? "2026-04-20" : "2026-02-11",
    reads: ["2026-02-11T02:00:00Z", "2026-02-11T02:10:00Z"],
    passes:
      i < 6
        ? {
            "an-toan-so": "2026-03-10T02:00:00Z",
            ...(i < 3 ? { "tri-tue-nhan-tao": "2026-03-15T02:00:00Z" } : {}),
          }
        : {},
    ...(i < 6 ? { certified: "2026-03-20T03:00:00Z" } : {}),
  })),
  // Tổ 1, a resident whose certificate was revoked.
  {
    id: "tg:g0",
    group: "nguoi-dan",
    to: "Tổ 1",
    registered: "2026-01-05T02:00:00Z",
    seen: "2026-01-05",
    passes: { "an-toan-so": "2026-01-20T02:00:00Z" },
    certified: "2026-02-01T03:00:00Z",
    revoked: "2026-02-10T03:00:00Z",
  },
  // Tổ 1, 6 officials registered before the period, all certified in January, 5 passed AI.
  ...times(6, (i) => ({
    id: `zl:b${i}`,
    group: "can-bo",
    to: "Tổ 1",
    registered: "2025-12-01T02:00:00Z",
    seen: "2026-01-15",
    passes: (i < 5 ? { "tri-tue-nhan-tao": "2026-01-10T02:00:00Z" } : {}) as Record<string, string>,
    certified: "2026-01-15T03:00:00Z",
  })),
  // Tổ 2, 3 students in April; one certified.
  ...times(3, (i) => ({
    id: `web:c${i}`,
    group: "hoc-sinh",
    to: "Tổ 2",
    registered: "2026-04-05T02:00:00Z",
    seen: "2026-04-25",
    reads: ["2026-04-06T02:00:00Z"],
    passes: (i === 0 ? { "an-toan-so": "2026-04-27T02:00:00Z" } : {}) as Record<string, string>,
    ...(i === 0 ? { certified: "2026-04-28T03:00:00Z" } : {}),
  })),
  // Tổ 3, 6 workers registered on 30/4 at 03:00 Vietnam time (the period's last day).
  ...times(6, (i) => ({ id: `tg:d${i}`, group: "lao-dong", to: "Tổ 3", registered: "2026-04-29T20:00:00Z" })),
  // No tổ given.
  ...times(2, (i) => ({
    id: `tg:e${i}`,
    group: "nguoi-dan",
    registered: "2026-03-01T02:00:00Z",
    seen: "2026-03-02",
  })),
  // A tổ missing from the population table.
  { id: "tg:i0", group: "nguoi-dan", to: "Tổ 9", registered: "2026-03-03T02:00:00Z", seen: "2026-03-03" },
  // Registered on 1/5 at 01:00 Vietnam time: after the period.
  { id: "tg:f0", group: "nguoi-dan", to: "Tổ 1", registered: "2026-04-30T18:00:00Z" },
  // Consented but never chose a group: not counted.
  { id: "tg:h0", to: "Tổ 2", registered: "2026-02-01T02:00:00Z" },
];

/** Writes the seeded ward through the domain's own stores and imports the population CSV. */
export async function seedWard(store: Store): Promise<void> {
  const learners = new LearnerStore(store);
  const progress = new ProgressStore(store);
  const certificates = new Certificates(store, "seed-secret-0123456789abcdef");
  for (const p of PEOPLE) {
    await learners.start(p.id, new Date(p.registered));
    await learners.giveConsent(p.id, new Date(p.registered));
    if (p.group) await learners.setGroup(p.id, p.group);
    if (p.group) await learners.setTo(p.id, p.to);
    if (p.group) await learners.setMode(p.id, false);
    if (p.seen) await learners.markSeen(p.id, p.seen);
    for (const [i, at] of (p.reads ?? []).entries())
      await progress.markRead(p.id, `an-toan-so/bai-${i}`, new Date(at));
    for (const [module, at] of Object.entries(p.passes ?? {}))
      await progress.recordQuiz(p.id, module, 1, true, new Date(at));
    if (p.certified && p.group) {
      const { certificate } = await certificates.issue(
        p.id,
        { name: "Người học", group: p.group, ...(p.to ? { to: p.to } : {}), modules: [] },
        new Date(p.certified),
      );
      if (p.revoked) await certificates.revoke(certificate.id, "cấp nhầm", new Date(p.revoked));
    }
  }
  await seedClasses(store);
  await seedNotices(store);
  const imported = await createReports(store, testWard).importPopulation(
    POPULATION_CSV,
    new Date("2026-01-02T02:00:00Z"),
  );
  if (!imported.ok) throw new Error(`seed population: ${JSON.stringify(imported.errors)}`);
}

async function seedClasses(store: Store): Promise<void> {
  const classes = new Classes(store);
  const make = async (startsAt: string, audience: { tos?: string[] }, present: string[]) => {
    const start = new Date(startsAt);
    const record = await classes.create(
      {
        topic: "Cài VNeID",
        startsAt: start,
        place: "Nhà văn hóa",
        audience,
        capacity: 30,
        createdBy: "tg:admin",
      },
      new Date(start.getTime() - 7 * 86_400_000),
    );
    for (const id of present) {
      const person = PEOPLE.find((p) => p.id === id);
      await classes.checkIn(record.code, id, person?.to ? { to: person.to } : {}, start);
    }
  };
  // Tổ 1 in March: 7 residents of Tổ 1 and the 2 without a tổ.
  await make("2026-03-05T12:00:00Z", { tos: ["Tổ 1"] }, [
    ...Array.from({ length: 7 }, (_, i) => `tg:a${i}`),
    "tg:e0",
    "tg:e1",
  ]);
  // Whole ward in April: the 3 students of Tổ 2 and 2 officials of Tổ 1.
  await make("2026-04-10T12:00:00Z", {}, ["web:c0", "web:c1", "web:c2", "zl:b0", "zl:b1"]);
  // Tổ 3 in May: after the period.
  await make("2026-05-05T12:00:00Z", { tos: ["Tổ 3"] }, ["tg:d0"]);
}

async function seedNotices(store: Store): Promise<void> {
  const outbox = new Outbox(store);
  const notice = async (
    at: string,
    recipients: number,
    unreachable: number,
    kind: "notice" | "class" = "notice",
  ) => {
    const ids = Array.from({ length: recipients }, (_, i) => `tg:r${i}`);
    const input = {
      kind,
      text: "Thông báo",
      audienceLabel: "cả phường",
      createdBy: "tg:admin",
      sendAt: new Date(at),
      urgent: false,
    };
    const { id } = await outbox.create(input, ids, new Date(at));
    for (const [i, person] of ids.entries())
      await outbox.setState(id, person, i < unreachable ? "unreachable" : "sent");
    await outbox.finish(id, "done");
  };
  await notice("2026-03-01T02:00:00Z", 20, 2);
  await notice("2026-03-02T02:00:00Z", 7, 0, "class");
  await notice("2026-05-03T02:00:00Z", 10, 0);
}
