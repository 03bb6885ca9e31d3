/**
 * The channel conformance journey: one learner's first session, scripted once and run through every
 * channel adapter against its stand-in API (a loopback server or captured Bot API calls). A channel proves
 * itself by giving a driver — how a person types, taps an option and reads the replies there — and passing
 * `runJourney`. See telegram.test.ts, web.test.ts and zalo.test.ts for the drivers.
 */
import { expect } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { learningMessages as lm } from "../../../src/catalog/assistant-learning.ts";
import { GROUP_LABELS } from "../../../src/knowledge/group-labels.ts";
import type { Curriculum } from "../../../src/knowledge/types.ts";

/** What a person saw in answer to one message or tap, as the platform showed it. */
export interface Shown {
  /** Each delivered message's text, without markup (bold, HTML), in the order sent. */
  texts: string[];
  /** The options offered by those messages, by the label the person sees (button text, numbered line). */
  options: string[];
}

/** One person on one channel, talking to the assistant through the channel's real adapter. */
export interface ChannelDriver {
  /** Types a message; resolves once every reply of that turn has reached the stand-in API. */
  send(text: string): Promise<void>;
  /** Chooses an option of the last replies by its label as `lastReplies().options` gives it. */
  tap(option: string): Promise<void>;
  /** What the last `send` or `tap` brought back. */
  lastReplies(): Shown;
}

/** A channel under test: the same server and store for every person it makes. */
export interface ConformanceChannel {
  /** A person who has never written to the assistant (each call: another account on this channel). */
  newPerson(): Promise<ChannelDriver>;
}

const QUESTION = "làm sao kích hoạt tài khoản VNeID";
const MODULE = "vneid";

const all = (shown: Shown) => shown.texts.join("\n");

/** The option whose label is, or contains, `wanted`; fails the step naming what was offered instead. */
function option(shown: Shown, wanted: string, step: string): string {
  const found = shown.options.find((o) => o === wanted) ?? shown.options.find((o) => o.includes(wanted));
  expect(found, `${step}: an option “${wanted}” among ${JSON.stringify(shown.options)}`).toBeDefined();
  return found as string;
}

async function tapOption(person: ChannelDriver, wanted: string, step: string): Promise<Shown> {
  await person.tap(option(person.lastReplies(), wanted, step));
  return person.lastReplies();
}

/** The letter of the right answer of the question shown, read from its text like a learner reads it. */
function rightLetter(curriculum: Curriculum, shown: Shown, n: number): string {
  const text = shown.texts.find((t) => t.includes(lm.questionHeader(n, 10)));
  expect(text, `quiz: question ${n}/10 shown`).toBeDefined();
  const lines = (text as string).split("\n").map((l) => l.trim());
  const asked = lines[lines.findIndex((l) => l.startsWith(lm.questionHeader(n, 10))) + 1] ?? "";
  const question = (curriculum.quizzes.get(MODULE) ?? []).find((q) => q.question === asked);
  expect(question, `quiz: “${asked}” is a question of the ${MODULE} bank`).toBeDefined();
  const right = question?.options.find((o) => o.correct)?.text;
  const line = lines.find((l) => /^[A-D]\. /.test(l) && l.slice(3) === right);
  expect(line, `quiz: the right answer is listed with its letter`).toBeDefined();
  return (line as string)[0] as string;
}

async function onboarding(person: ChannelDriver): Promise<void> {
  await person.send("xin chào");
  let shown = person.lastReplies();
  expect(all(shown), "onboarding: greeting").toContain("Xin chào! Mình là Trợ lý Bình dân học vụ số");
  expect(all(shown), "onboarding: consent asked").toContain(messages.consentQuestion);
  shown = await tapOption(person, messages.consentYes, "onboarding");
  expect(all(shown), "onboarding: group asked after consent").toContain(messages.groupQuestion);
  shown = await tapOption(person, GROUP_LABELS["nguoi-dan"], "onboarding");
  expect(all(shown), "onboarding: tổ asked").toContain(messages.toQuestion);
  shown = await tapOption(person, messages.toSkip, "onboarding");
  expect(all(shown), "onboarding: answer style asked").toContain(lm.modeQuestion);
  shown = await tapOption(person, lm.modeNormal, "onboarding");
  expect(all(shown), "onboarding: recorded").toContain(
    messages.onboarded(GROUP_LABELS["nguoi-dan"], undefined),
  );
}

async function citedAnswer(person: ChannelDriver, curriculum: Curriculum): Promise<void> {
  await person.send(QUESTION);
  const shown = person.lastReplies();
  const cited = /Xem bài: (.+)/.exec(all(shown))?.[1]?.trim();
  const lesson = [...curriculum.lessons.values()].find((l) => l.title === cited);
  expect(lesson?.module, `question: cites a VNeID lesson (cited: ${cited})`).toBe(MODULE);
  const opened = await tapOption(person, messages.openLesson, "question");
  expect(opened.texts[0]?.startsWith(lesson?.title ?? "?"), "question: the cited lesson opens").toBe(true);
  expect(all(opened), "question: the whole lesson").toContain(messages.lessonFooter);
}

async function wholeQuiz(person: ChannelDriver, curriculum: Curriculum): Promise<void> {
  await person.send("/kiemtra");
  const title = curriculum.modules.find((m) => m.slug === MODULE)?.title ?? MODULE;
  expect(all(person.lastReplies()), "quiz: topics offered").toContain(lm.chooseModuleQuiz);
  let shown = await tapOption(person, title, "quiz");
  expect(all(shown), "quiz: started").toContain(lm.quizTitle(title, 10));
  for (let n = 1; n <= 10; n++) {
    const letter = rightLetter(curriculum, shown, n);
    expect(shown.options, `quiz: question ${n} answerable by letter`).toContain(letter);
    await person.tap(letter);
    shown = person.lastReplies();
    expect(shown.texts[0], `quiz: answer ${n} marked right`).toMatch(/^✅ Đúng rồi!/);
  }
  expect(all(shown), "quiz: result line").toContain(lm.finished(10, 10));
  expect(all(shown), "quiz: passed").toContain(lm.passed(1));
}

async function progress(person: ChannelDriver, curriculum: Curriculum): Promise<void> {
  const required = curriculum.paths.groups["nguoi-dan"].required;
  const title = curriculum.modules.find((m) => m.slug === MODULE)?.title ?? MODULE;
  await person.send("/tiendo");
  const text = all(person.lastReplies());
  expect(text, "progress: title line").toContain(
    lm.progressTitle(GROUP_LABELS["nguoi-dan"], 1, required.length),
  );
  expect(text, "progress: the module passed").toContain(`✅ ${title}`);
}

/** Shows a code, then a second account on the same channel redeems it and sees the same progress. */
async function linking(person: ChannelDriver, channel: ConformanceChannel, curriculum: Curriculum) {
  await person.send("/lienket");
  const code = /Mã liên kết của bạn: (\d{8})\n/.exec(all(person.lastReplies()))?.[1];
  expect(code, "linking: an 8-digit code").toMatch(/^\d{8}$/);
  expect(all(person.lastReplies()), "linking: how to use it").toContain(`/lienket ${code}`);
  const other = await channel.newPerson();
  await other.send(`/lienket ${code}`);
  expect(all(other.lastReplies()), "linking: redeemed").toContain(lm.linked);
  await other.send("/tiendo");
  const title = curriculum.modules.find((m) => m.slug === MODULE)?.title ?? MODULE;
  expect(all(other.lastReplies()), "linking: progress follows the person").toContain(`✅ ${title}`);
}

/**
 * Onboarding with consent → a question answered with a cited lesson, opened → a module quiz taken to the
 * end → progress → a linking code, redeemed by a second account. Every step asserts what the person sees.
 */
export async function runJourney(channel: ConformanceChannel, curriculum: Curriculum): Promise<void> {
  const person = await channel.newPerson();
  await onboarding(person);
  await citedAnswer(person, curriculum);
  await wholeQuiz(person, curriculum);
  await progress(person, curriculum);
  await linking(person, channel, curriculum);
}
