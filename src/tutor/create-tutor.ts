import type { Logger } from "pino";
import type { Config } from "../config/schema.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { HybridIndex } from "../retrieval/hybrid-index.ts";
import { metrics } from "../shared/metrics.ts";
import { createExtractiveTutor } from "./extractive-tutor.ts";
import { type ContactSource, withLocalContacts } from "./local-contacts.ts";
import type { Tutor } from "./tutor.ts";

/**
 * The extractive tutor, or the LLM tutor (with extractive fallback) when OPENAI_API_KEY is set; answers that
 * send residents to a local office carry its address once the ward profile has it.
 */
export async function createTutor(deps: {
  config: Config;
  index: HybridIndex;
  curriculum: Curriculum;
  wardName: string;
  logger: Logger;
  /** The ward's local offices as organizers keep them (default: ward.yaml as it is). */
  localContacts?: ContactSource;
}): Promise<Tutor> {
  const online = deps.curriculum.onlineLesson
    ? deps.curriculum.lessons.get(deps.curriculum.onlineLesson)
    : undefined;
  const extractive = createExtractiveTutor({
    index: deps.index,
    ...(online ? { onlineLesson: { id: online.id, title: online.title } } : {}),
  });
  const fromProfile = deps.curriculum.ward.contacts;
  const local = deps.localContacts ?? { list: async () => fromProfile };
  const { OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL } = deps.config;
  if (!OPENAI_API_KEY) return withLocalContacts(extractive, local);
  // The OpenAI client and the LLM tutor (LangChain's prompts: some 270 modules) are loaded only when a key is
  // set, so an offline start-up does not pay for them.
  const [{ ChatOpenAI }, { createLlmTutor }] = await Promise.all([
    import("@langchain/openai"),
    import("./llm-tutor.ts"),
  ]);
  const model = new ChatOpenAI({
    apiKey: OPENAI_API_KEY,
    model: OPENAI_MODEL,
    temperature: 0.2,
    maxRetries: 1,
    timeout: 10_000,
    ...(OPENAI_BASE_URL ? { configuration: { baseURL: OPENAI_BASE_URL } } : {}),
  });
  const llm = createLlmTutor({
    model,
    extractive,
    index: deps.index,
    curriculum: deps.curriculum,
    wardName: deps.wardName,
    logger: deps.logger,
    onCall: (outcome) => metrics.llmCalls.inc({ outcome }),
  });
  return withLocalContacts(llm, local);
}
