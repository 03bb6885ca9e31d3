import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import type { Logger } from "pino";
import { tutorMessages } from "../catalog/tutor.ts";
import { hostOf } from "../knowledge/links.ts";
import type { Curriculum } from "../knowledge/types.ts";
import { type Chunk, isRecap } from "../retrieval/chunk.ts";
import type { HybridIndex } from "../retrieval/hybrid-index.ts";
import type { createExtractiveTutor } from "./extractive-tutor.ts";
import { redactPersonalData } from "./redact.ts";
import { contactsIn, removeUnlistedContacts } from "./sanitize.ts";
import type { Tutor, TutorAnswer } from "./tutor.ts";

const PROMPTS_DIR = join(import.meta.dirname, "..", "..", "prompts");

export interface LlmTutorOptions {
  model: BaseChatModel;
  /** Retrieval, refusals and the fallback answer. */
  extractive: ReturnType<typeof createExtractiveTutor>;
  /** The index the extractive tutor reads, for the chosen sections' text. */
  index: HybridIndex;
  curriculum: Curriculum;
  wardName: string;
  logger: Logger;
  /** Give up on the LLM after this long and answer extractively (default 8 s). */
  timeoutMs?: number;
  /** Called once per LLM call with its outcome, for metrics. */
  onCall?: (outcome: "ok" | "error" | "timeout") => void;
}

/** Loads the answer prompt from prompts/ as a LangChain chat prompt template. */
export function loadAnswerPrompt(): ChatPromptTemplate {
  return ChatPromptTemplate.fromMessages([
    ["system", readFileSync(join(PROMPTS_DIR, "answer-system.txt"), "utf8")],
    ["human", readFileSync(join(PROMPTS_DIR, "answer-human.txt"), "utf8")],
  ]);
}

/**
 * Answers with an LLM from the retrieved passages. Refusals are decided before the LLM is called; personal
 * data is redacted from everything sent; unlisted URLs and phone numbers are removed from the output; the
 * lesson is always cited; any error or timeout falls back to the extractive answer.
 */
export function createLlmTutor(options: LlmTutorOptions): Tutor {
  const writer: Writer = {
    options,
    prompt: loadAnswerPrompt(),
    listed: listedContacts(options.curriculum),
    timeoutMs: options.timeoutMs ?? 8000,
  };

  return {
    explain: (lesson, section) => options.extractive.explain(lesson, section),
    async answer(question, context) {
      const fallback = await options.extractive.answer(question, context);
      // Declines, questions back and single steps need no writer.
      if (fallback.refused || fallback.clarify || !fallback.parts?.points.length) return fallback;
      const passages = passagesFor(options.index, fallback).map((p) => `### ${p.title}\n${p.text}`);
      const title = fallback.sources[0]?.title;
      try {
        const text = withCitation(await written(writer, question, passages), title);
        options.onCall?.("ok");
        const warning = fallback.parts?.warning;
        return {
          refused: false,
          text: warning ? `${warning}\n\n${text}` : text,
          sources: fallback.sources,
          ...(fallback.context ? { context: fallback.context } : {}),
        };
      } catch (error) {
        const timedOut = error instanceof TimeoutError;
        options.onCall?.(timedOut ? "timeout" : "error");
        options.logger.warn(
          { code: timedOut ? "timeout" : ((error as { code?: string })?.code ?? "llm-error") },
          "llm failed, extractive fallback",
        );
        return fallback;
      }
    },
  };
}

/** The LLM call's settled parts: the options, the prompt, the contacts always allowed, the time limit. */
interface Writer {
  options: LlmTutorOptions;
  prompt: ChatPromptTemplate;
  listed: { hosts: string[]; phones: string[] };
  timeoutMs: number;
}

/** The model's answer from the passages, unlisted contacts removed; throws when there is none to use. */
async function written(writer: Writer, question: string, passages: string[]): Promise<string> {
  const { options, listed } = writer;
  const input = await writer.prompt.formatMessages({
    ward: options.wardName,
    passages: passages.join("\n\n"),
    question: redactPersonalData(question).text,
  });
  const output = await withTimeout(options.model.invoke(input), writer.timeoutMs);
  const raw =
    typeof output.content === "string"
      ? output.content
      : output.content.map((p) => ("text" in p ? p.text : "")).join("");
  const allowed = contactsIn(passages);
  for (const host of listed.hosts) allowed.hosts.add(host);
  for (const phone of listed.phones) allowed.phones.add(phone);
  if (echoesInstructions(raw, String(input[0]?.content ?? ""))) throw new Error("instructions echoed");
  const cleaned = removeUnlistedContacts(raw, allowed);
  if (cleaned.removed.length)
    options.logger.warn({ removed: cleaned.removed.length }, "llm output: unlisted contacts removed");
  if (!cleaned.text.trim()) throw new Error("empty answer");
  return cleaned.text;
}

/** The web hosts and phone numbers contacts.yaml lists: the model may always name these. */
function listedContacts(curriculum: Curriculum): { hosts: string[]; phones: string[] } {
  const listed = [...curriculum.contacts.national, ...curriculum.contacts.ward].filter((c) => c.value);
  return {
    hosts: listed.filter((c) => c.kind === "url").map((c) => hostOf(c.value)),
    phones: listed.filter((c) => c.kind === "phone").map((c) => c.value.replace(/\D/g, "")),
  };
}

/**
 * The same selection as the extractive answer: the section it chose first, then the lesson's other
 * matching sections and the recap, then the next lesson's best section.
 */
function passagesFor(index: HybridIndex, answer: TutorAnswer): { title: string; text: string }[] {
  const chosen = answer.context;
  if (!chosen) return [];
  const lessonChunks = index.chunksOf(chosen.lesson);
  const first = lessonChunks[chosen.section];
  const recap = lessonChunks.find(isRecap);
  const others = answer.sources
    .slice(1, 2)
    .map((s) => index.chunksOf(s.lesson)[s.section ?? 0])
    .filter((c): c is Chunk => !!c);
  const picked = [first, recap, ...others].filter((c): c is Chunk => !!c);
  return [...new Set(picked)].map((c) => ({
    title: `${c.title} (${c.lessonId})`,
    text: `${c.heading}\n${c.text}`,
  }));
}

function withCitation(text: string, title: string | undefined): string {
  if (!title) return text;
  const line = tutorMessages.seeLesson(title);
  const withoutOwn = text.replace(/\n*\s*Xem bài:.*$/imu, "").trim();
  return `${withoutOwn}\n\n${line}`;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * True when the model's reply repeats a line of its own instructions (a model that obeyed an injection such as
 * "in ra system prompt"): such a reply is dropped for the extractive answer.
 */
function echoesInstructions(reply: string, instructions: string): boolean {
  const folded = reply.replace(/\s+/g, " ");
  return instructions
    .split("\n")
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line.length >= 40)
    .some((line) => folded.includes(line));
}
