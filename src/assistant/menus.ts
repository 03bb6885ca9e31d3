import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { plain } from "../knowledge/markdown.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { Reply } from "../messaging/message.ts";
import { act } from "./actions.ts";
import { lessonOptions } from "./render-answer.ts";

export function menuReply(text: string = messages.menuTitle): Reply {
  return {
    text,
    options: [
      { label: messages.menuAsk, action: act("ask") },
      { label: messages.menuLearn, action: act("modules") },
      { label: messages.menuHelp, action: act("help") },
    ],
  };
}

export function modulesReply(curriculum: Curriculum): Reply {
  return {
    text: messages.modulesTitle,
    options: curriculum.modules.map((m, i) => ({
      label: `${i + 1}. ${m.title}`,
      action: act("module", m.slug),
    })),
  };
}

export function moduleReply(curriculum: Curriculum, slug: string): Reply {
  const module = curriculum.modules.find((m) => m.slug === slug);
  if (!module)
    return { ...modulesReply(curriculum), text: `${messages.moduleNotFound}\n${messages.modulesTitle}` };
  const lessons = [...curriculum.lessons.values()].filter((l) => l.module === slug);
  return {
    text: messages.moduleLessons(module.title),
    options: [
      ...lessons.map((l) => ({ label: l.title, action: act("lesson", l.id) })),
      { label: messages.backToModules, action: act("modules") },
    ],
  };
}

/** The whole lesson as one reply: title, summary, then each section (adapters split long text). */
export function lessonReply(curriculum: Curriculum, id: string): Reply {
  const lesson = curriculum.lessons.get(id);
  if (!lesson)
    return { ...modulesReply(curriculum), text: `${messages.lessonNotFound}\n${messages.modulesTitle}` };
  const sections = lesson.sections.map((s) =>
    s.heading ? `*${s.heading}*\n${plain(s.text)}` : plain(s.text),
  );
  return {
    text: [
      `*${lesson.title}*`,
      ...sections,
      ...(lesson.practice ? [`*${lm.practiceTitle}* ${lesson.practice}`] : []),
      messages.lessonFooter,
    ].join("\n\n"),
    options: [
      ...lessonOptions(curriculum, id).filter((o) => !o.action.startsWith("v1:lesson:")),
      ...(lesson.practice ? [{ label: lm.practiceDone, action: act("did", id) }] : []),
      { label: messages.backToMenu, action: act("menu") },
    ],
  };
}
