import { join } from "node:path";
import type { Logger } from "pino";
import { createAssistant } from "./assistant/assistant.ts";
import type { DomainAssistant } from "./assistant/types.ts";
import type { Config } from "./config/schema.ts";
import { loadCurriculum } from "./knowledge/load-curriculum.ts";
import type { Curriculum } from "./knowledge/types.ts";
import { Certificates, certificateSecret } from "./learning/certificates.ts";
import { createOrganizerServices, type OrganizerServices } from "./organizer/organizer.ts";
import { buildIndex } from "./retrieval/build-index.ts";
import { createEmbeddings } from "./retrieval/create-embeddings.ts";
import { openStore } from "./storage/open-store.ts";
import type { Store } from "./storage/store.ts";
import { createTutor } from "./tutor/create-tutor.ts";
import type { Tutor } from "./tutor/tutor.ts";

export interface Core {
  config: Config;
  store: Store;
  storeKind: "redis" | "embedded";
  curriculum: Curriculum;
  tutor: Tutor;
  certificates: Certificates;
  assistant: DomainAssistant;
  /** Roles, classes and the broadcast outbox, shared by the assistant and the background jobs. */
  organizer: OrganizerServices;
  /** Base of public links (PUBLIC_URL, else this machine). */
  publicUrl: string;
}

/** Everything channel-neutral: storage, curriculum, retrieval, tutor, certificates and the assistant. */
export async function createCore(config: Config, logger: Logger): Promise<Core> {
  const { store, kind } = await openStore(config);
  const cacheDir = join(config.DATA_DIR, "index");
  const curriculum = await loadCurriculum(config.KNOWLEDGE_DIR, { cacheDir });
  const built = await buildIndex(curriculum, {
    cacheDir,
    embeddings: createEmbeddings(config),
  });
  logger.info(
    { ms: Math.round(built.buildMs), fromCache: built.fromCache, lessons: curriculum.lessons.size },
    "index ready",
  );
  if (!config.CERT_SECRET)
    logger.warn("CERT_SECRET is not set: certificates are signed with a secret kept in storage");
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
  const certificates = new Certificates(store, certificateSecret(store, config.CERT_SECRET));
  const organizer = createOrganizerServices({
    store,
    adminIds: config.ADMIN_IDS,
    certificates,
    ward: curriculum.ward,
  });
  const tutor = await createTutor({
    config,
    index: built.index,
    curriculum,
    wardName: curriculum.ward.name,
    logger,
    localContacts: organizer.localContacts,
  });
  const assistant = createAssistant({
    store,
    curriculum,
    tutor,
    wardName: curriculum.ward.name,
    logger,
    publicUrl,
    certificates,
    adminIds: config.ADMIN_IDS,
    organizer,
    floodPerMinute: config.FLOOD_PER_MINUTE,
    minSecondsPerQuestion: config.QUIZ_MIN_SECONDS_PER_QUESTION,
  });
  return { config, store, storeKind: kind, curriculum, tutor, certificates, assistant, organizer, publicUrl };
}
