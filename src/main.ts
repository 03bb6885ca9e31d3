/**
 * Composition root: config → logger → core (storage, curriculum, retrieval, tutor, assistant)
 * → channels with tokens → HTTP server (health, web chat, API, webhooks, certificates) → background jobs
 * → graceful shutdown.
 */

import type { Logger } from "pino";
import { act } from "./assistant/actions.ts";
import { learningMessages } from "./catalog/assistant-learning.ts";
import { organizerMessages } from "./catalog/assistant-organizer.ts";
import type { ChannelRuntime } from "./channels/channel.ts";
import { enabledChannels, followRoleChanges } from "./channels/enabled-channels.ts";
import { createWebPushSender } from "./channels/web/push-sender.ts";
import { type VapidKeys, vapidKeys } from "./channels/web/vapid.ts";
import { loadConfig } from "./config/load-config.ts";
import type { Config } from "./config/schema.ts";
import { type Core, createCore } from "./core.ts";
import { createHttpServer, type HttpServerDeps } from "./http/server.ts";
import { Identities } from "./learning/identity.ts";
import { createPushOptIn } from "./learning/push-opt-in.ts";
import { createRetention } from "./learning/retention.ts";
import type { Channel } from "./messaging/message.ts";
import { formatVietnamDateTime } from "./organizer/datetime.ts";
import { createOrganizerRuntime, type OrganizerRuntimeDeps } from "./organizer/runtime.ts";
import { createLogger } from "./shared/logger.ts";
import { exitWithReadableError, onShutdown } from "./shared/process.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const core = await createCore(config, logger);
  const { store } = core;
  const channels = enabledChannels({ config, assistant: core.assistant, store, logger });
  // Web learners get notices by Web Push: the VAPID key pair is made on first start and kept in the store.
  const vapid = vapidKeys(store);
  await vapid();
  const senders = noticeSenders(core, channels, vapid, logger);
  core.organizer.useDeliveryChannels(Object.keys(senders) as Channel[]);

  const http = createHttpServer(httpServerDeps(core, config, vapid, logger));
  for (const channel of channels) channel.registerRoutes(http);
  followRoleChanges(channels, core.organizer.roles, new Identities(store));
  await http.listen({ port: config.PORT, host: config.HOST });
  for (const channel of channels) await channel.start();
  logger.info(
    { port: config.PORT, store: core.storeKind, channels: channels.map((c) => c.name) },
    "assistant ready",
  );

  const retention = createRetention({
    store,
    months: config.RETENTION_MONTHS,
    erase: (personId) => core.assistant.erasePerson(personId),
    isOrganizer: async (personId) => (await core.organizer.organizerOf(personId)) !== null,
    logger,
  });
  retention.start();
  const organizerJobs = createOrganizerRuntime(organizerJobDeps(core, config, senders, logger));
  organizerJobs.start();

  onShutdown(config.SHUTDOWN_TIMEOUT_MS, logger, async () => {
    retention.stop();
    await organizerJobs.stop(); // the send in flight finishes; the rest stays pending in the outbox
    await http.close(); // stops accepting, waits for in-flight turns
    for (const channel of channels) await channel.stop();
    await store.close(); // flushes everything acknowledged
  });
}

/** How notices reach each channel: the enabled channels' senders, plus Web Push for the web chat. */
function noticeSenders(
  core: Core,
  channels: ChannelRuntime[],
  vapid: () => Promise<VapidKeys>,
  logger: Logger,
): OrganizerRuntimeDeps["senders"] {
  return {
    ...Object.fromEntries(channels.map((c) => [c.name, c.sender])),
    web: createWebPushSender({
      store: core.store,
      vapid,
      subject: core.publicUrl.startsWith("https:") ? core.publicUrl : "mailto:quantri@hocvuso.invalid",
      logger,
    }),
  };
}

/** The web server's parts: the chat, certificates, push opt-in, the organizers' dashboard and health. */
function httpServerDeps(
  core: Core,
  config: Config,
  vapid: () => Promise<VapidKeys>,
  logger: Logger,
): HttpServerDeps {
  const { store } = core;
  return {
    assistant: core.assistant,
    certificates: core.certificates,
    curriculum: core.curriculum,
    publicUrl: core.publicUrl,
    logger,
    wardName: core.curriculum.ward.name,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    apiPerMinute: config.WEB_RATE_PER_MINUTE,
    push: { optIn: createPushOptIn(store), publicKey: async () => (await vapid()).publicKey },
    trustProxy: config.TRUST_PROXY,
    dashboard: {
      reports: core.organizer.reports,
      access: core.organizer.dashboard,
      organizerOf: core.organizer.organizerOf,
      contacts: core.organizer.localContacts,
      store,
      secureCookies: core.publicUrl.startsWith("https:"),
    },
    health: async () => {
      const started = performance.now();
      try {
        await store.ping();
        return { status: "ok", store: core.storeKind, storeMs: Math.round(performance.now() - started) };
      } catch {
        return { status: "degraded", store: core.storeKind, storeError: "unreachable" };
      }
    },
  };
}

/** The organizers' background jobs: broadcasts, class reminders and review reminders, paced. */
function organizerJobDeps(
  core: Core,
  config: Config,
  senders: OrganizerRuntimeDeps["senders"],
  logger: Logger,
): OrganizerRuntimeDeps {
  return {
    org: core.organizer,
    senders,
    logger: logger.child({ job: "organizer" }),
    ratePerSecond: config.BROADCAST_RATE_PER_S,
    chatSpacingMs: config.BROADCAST_CHAT_SPACING_MS,
    reviewReminder: {
      text: learningMessages.remindText,
      options: [{ label: learningMessages.reviewNow, action: act("review") }],
    },
    reminder: (record, hours) => ({
      text: organizerMessages.reminder(
        record.topic,
        formatVietnamDateTime(record.startsAt),
        record.place,
        hours,
      ),
    }),
  };
}

main().catch(exitWithReadableError);
