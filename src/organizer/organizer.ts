import type { WardProfile } from "../knowledge/ward-schema.ts";
import type { Certificates } from "../learning/certificates.ts";
import { Identities } from "../learning/identity.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import type { Channel } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";
import { type Audience, type AudienceDeps, audiencePages, resolveAudience } from "./audience.ts";
import { AuditLog } from "./audit.ts";
import { Classes } from "./classes.ts";
import { DashboardAccess } from "./dashboard-access.ts";
import { LocalContacts } from "./local-contacts.ts";
import { type BroadcastInput, Outbox } from "./outbox.ts";
import { QuestionLog } from "./question-log.ts";
import { emptyReach, Reach, type ReachReport } from "./reach.ts";
import { createReports, type Reports } from "./reports/reports.ts";
import { type Organizer, Roles } from "./roles.ts";

/** The organizer services over one store, shared by the assistant's flows and the background jobs. */
export interface OrganizerServices {
  store: Store;
  roles: Roles;
  audit: AuditLog;
  classes: Classes;
  outbox: Outbox;
  reports: Reports;
  /** Anonymised question logs, off unless an organizer turns them on. */
  questionLog: QuestionLog;
  /** One-time codes and sessions of the organizers' web dashboard. */
  dashboard: DashboardAccess;
  /** The ward's local offices, as ward-scope organizers keep them (audited). */
  localContacts: LocalContacts;
  /** The person ids an audience reaches now (small audiences; previews and queuing stream instead). */
  recipients(audience: Audience): Promise<string[]>;
  /** How many an audience reaches and how many of them a notice can reach, counted page by page. */
  preview(audience: Audience): Promise<{ recipients: number; reach: ReachReport }>;
  /**
   * Streams an audience into a new outbox broadcast page by page, counting its reach on the way; an audience
   * of nobody queues nothing (`id` null).
   */
  queue(
    audience: Audience,
    input: BroadcastInput,
    now: Date,
  ): Promise<{ id: string | null; recipients: number; reach: ReachReport }>;
  /** How many of these people a notice can reach, and why the others cannot (shown before sending). */
  reach(personIds: readonly string[]): Promise<ReachReport>;
  /** Which channels can push (the composition root says so once at start; default Telegram, Zalo, web). */
  useDeliveryChannels(channels: readonly Channel[]): void;
  /** The organizer role of a person (checked on every one of their linked accounts), or null. */
  organizerOf(personId: string): Promise<Organizer | null>;
}

export function createOrganizerServices(deps: {
  store: Store;
  adminIds: readonly string[];
  certificates: Pick<Certificates, "ofPerson">;
  /** The ward's plan targets, report deadlines and local offices. */
  ward: Pick<WardProfile, "targets" | "report_deadlines" | "contacts">;
  /** The clock of send previews (a Zalo OA follower's 48-hour window). Default: real time. */
  now?: () => Date;
}): OrganizerServices {
  const audit = new AuditLog(deps.store);
  const roles = new Roles(deps.store, deps.adminIds, audit);
  const identities = new Identities(deps.store);
  let deliveryChannels: readonly Channel[] = ["telegram", "zalo", "web"];
  const reach = new Reach(deps.store, () => deliveryChannels, deps.now);
  const audienceDeps: AudienceDeps = {
    store: deps.store,
    isCertified: async (id) => (await deps.certificates.ofPerson(id)) !== null,
  };
  const outbox = new Outbox(deps.store);
  return {
    store: deps.store,
    audit,
    roles,
    classes: new Classes(deps.store),
    outbox,
    reports: createReports(deps.store, deps.ward),
    questionLog: new QuestionLog(deps.store),
    dashboard: new DashboardAccess(deps.store),
    localContacts: new LocalContacts(deps.store, deps.ward.contacts, audit),
    reach: (personIds) => reach.of(personIds),
    useDeliveryChannels: (channels) => {
      deliveryChannels = [...channels];
    },
    organizerOf: async (personId) => roles.of(personId, await identities.accountsOf(personId)),
    recipients: (audience) => resolveAudience(audienceDeps, audience),
    preview: (audience) => previewNotice(audienceDeps, reach, audience),
    queue: (audience, input, now) => queueNotice({ audienceDeps, reach, outbox }, audience, input, now),
  };
}

/** How many people an audience holds and how many of them a notice can reach, page by page. */
async function previewNotice(
  audienceDeps: AudienceDeps,
  reach: Reach,
  audience: Audience,
): ReturnType<OrganizerServices["preview"]> {
  const report = emptyReach();
  let recipients = 0;
  for await (const page of audiencePages(audienceDeps, audience)) {
    recipients += page.length;
    await reach.of(page, report);
  }
  return { recipients, reach: report };
}

/** Queues a notice to an audience's people, page by page, counting who it can reach; no id when nobody. */
async function queueNotice(
  via: { audienceDeps: AudienceDeps; reach: Reach; outbox: Outbox },
  audience: Audience,
  input: BroadcastInput,
  now: Date,
): ReturnType<OrganizerServices["queue"]> {
  const report = emptyReach();
  const pages = audiencePages(via.audienceDeps, audience);
  const onPage = async (page: readonly string[]) => void (await via.reach.of(page, report));
  const made = await via.outbox.createFrom(input, pages, now, { onPage, skipEmpty: true });
  return { id: made.created ? made.id : null, recipients: made.total, reach: report };
}

/** RSVPs, attendance, roles, organizer dialogue and authorship, for /dulieu and /xoadulieu. */
export function organizerDataParts(org: OrganizerServices): PersonalDataPart[] {
  return [
    {
      name: "lopHoc",
      export: (id) => org.classes.export(id),
      erase: (id, accounts) => org.classes.erase([...new Set([id, ...accounts])]),
    },
    {
      name: "vaiTro",
      export: (_id, accounts) => org.roles.export(accounts),
      erase: (_id, accounts) => org.roles.erase(accounts),
    },
    {
      name: "nhatKyToChuc",
      export: (_id, accounts) => org.audit.involving(accounts),
      erase: (_id, accounts) => org.audit.erase(accounts),
    },
    {
      name: "thongBao",
      export: async () => ({}),
      erase: async (id, accounts) => {
        await org.outbox.erase([...new Set([id, ...accounts])]);
      },
    },
  ];
}
