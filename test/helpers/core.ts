import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { onTestFinished } from "vitest";
import { type AssistantDeps, createAssistant } from "../../src/assistant/assistant.ts";
import type { Assistant } from "../../src/assistant/types.ts";
import { loadCurriculum } from "../../src/knowledge/load-curriculum.ts";
import type { Curriculum } from "../../src/knowledge/types.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import type { Channel } from "../../src/messaging/message.ts";
import { buildIndex } from "../../src/retrieval/build-index.ts";
import type { HybridIndex } from "../../src/retrieval/hybrid-index.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import type { Store } from "../../src/storage/store.ts";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import type { Tutor } from "../../src/tutor/tutor.ts";

export const silentLogger = pino({ level: "silent" });

let curriculum: Promise<Curriculum> | undefined;
let index: Promise<HybridIndex> | undefined;

/** The real curriculum, loaded once per test file. */
export function testCurriculum(): Promise<Curriculum> {
  curriculum ??= loadCurriculum(join(import.meta.dirname, "..", "..", "knowledge"));
  return curriculum;
}

export function testIndex(): Promise<HybridIndex> {
  index ??= testCurriculum().then(async (c) => (await buildIndex(c)).index);
  return index;
}

/** A fresh embedded store in a temp directory, closed when the current test ends. */
export async function tempStore(): Promise<EmbeddedStore> {
  const store = await EmbeddedStore.open(await mkdtemp(join(tmpdir(), "hvs-test-")));
  onTestFinished(() => store.close().catch(() => {}));
  return store;
}

/** A fresh embedded store the caller closes (for beforeAll/afterAll use). */
export async function tempStoreUnscoped(): Promise<EmbeddedStore> {
  return EmbeddedStore.open(await mkdtemp(join(tmpdir(), "hvs-test-")));
}

/** An assistant on the real curriculum and tutor, over the given store. */
export async function testAssistant(store: Store, tutor?: Tutor, now?: () => Date) {
  return testAssistantWith(store, { ...(tutor ? { tutor } : {}), ...(now ? { now } : {}) });
}

/** The same, with any of the assistant's settings changed (a curriculum, a minimum quiz time …). */
export async function testAssistantWith(store: Store, overrides: Partial<AssistantDeps> = {}) {
  return createAssistant({
    store,
    curriculum: await testCurriculum(),
    tutor: createExtractiveTutor({ index: await testIndex() }),
    wardName: "phường Thử Nghiệm",
    logger: silentLogger,
    publicUrl: "https://hocvuso.test",
    certSecret: "test-secret",
    ...overrides,
  });
}

/** Takes a learner through onboarding (consent, group, tổ dân phố skipped, normal mode) on a channel. */
export async function onboard(
  assistant: Assistant,
  userId: string,
  group = "nguoi-dan",
  to: { text: string } | { action: string } = { action: "v1:to-skip" },
  options: { channel?: Channel; mode?: "normal" | "elderly" } = {},
): Promise<void> {
  const steps = [
    { text: "hi" },
    { action: "v1:consent:yes" },
    { action: `v1:group:${group}` },
    to,
    { action: `v1:mode:${options.mode ?? "normal"}` },
  ];
  for (const input of steps) await assistant.handle({ channel: options.channel ?? "web", userId, ...input });
}

/** What the HTTP server needs besides the assistant and health, over the given store. */
export async function httpDeps(store: Store) {
  return {
    certificates: new Certificates(store, "test-secret"),
    curriculum: await testCurriculum(),
    publicUrl: "https://hocvuso.test",
    logger: silentLogger,
    wardName: "phường Thử Nghiệm",
  };
}
