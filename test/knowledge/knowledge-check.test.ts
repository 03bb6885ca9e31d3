import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { checkCurriculum, checkOutline } from "../../src/knowledge/check.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";

const ROOT = join(import.meta.dirname, "..", "..");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "hvs-knowledge-"));
  await cp(join(ROOT, "knowledge"), dir, { recursive: true });
});

async function problems(): Promise<string[]> {
  const { curriculum, issues } = await loadKnowledge(dir);
  return [...issues, ...checkOutline(curriculum), ...checkCurriculum(curriculum)].map(
    (i) => `${i.file}: ${i.field}: ${i.message}`,
  );
}

async function edit(file: string, change: (text: string) => string) {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, "utf8")));
}

describe("knowledge check", () => {
  it("passes on the repository's curriculum", async () => {
    expect(await problems()).toEqual([]);
  });

  it("names file and field for a malformed front matter", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) => t.replace(/^title: .*$/m, "title: [unclosed"));
    const found = await problems();
    expect(found.some((p) => p.startsWith("lessons/vneid/kich-hoat.md: front matter: YAML"))).toBe(true);
  });

  it("rejects an unknown learner group with the field named", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) => t.replace(/^groups: .*$/m, "groups: [nguoi-la]"));
    expect((await problems()).some((p) => p.startsWith("lessons/vneid/kich-hoat.md: groups.0:"))).toBe(true);
  });

  it("rejects a lesson in an unknown module", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) => t.replace(/^module: .*$/m, "module: khong-co"));
    expect(await problems()).toContain('lessons/vneid/kich-hoat.md: module: module không tồn tại "khong-co"');
  });

  it("rejects a quiz question with two correct options", async () => {
    await edit("quizzes/vneid.yaml", (t) =>
      t.replace(/- text: (.*)\n(\s+)- text:/, "- text: $1\n$2  correct: true\n$2- text:"),
    );
    expect(
      (await problems()).some((p) =>
        /^quizzes\/vneid\.yaml: questions\.\d+\.options: cần đúng một đáp án đúng, đang có 2$/.test(p),
      ),
    ).toBe(true);
  });

  it("rejects a question that points at a lesson that does not exist", async () => {
    await edit("quizzes/vneid.yaml", (t) =>
      t.replace(/lesson: vneid\/[a-z0-9-]+/, "lesson: vneid/khong-ton-tai"),
    );
    expect(await problems()).toContain(
      'quizzes/vneid.yaml: questions.0.lesson: bài học không tồn tại "vneid/khong-ton-tai"',
    );
  });

  it("reports a missing outline lesson", async () => {
    await rm(join(dir, "lessons/y-te-so/bhyt-tren-vneid.md"));
    expect(await problems()).toContain(
      'lessons/y-te-so/bhyt-tren-vneid.md: id: thiếu bài "y-te-so/bhyt-tren-vneid" của đề cương',
    );
  });

  it("rejects a URL or phone number that is not in contacts.yaml", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) =>
      t.replace("## Ghi nhớ", "Gọi 1900 1234 hoặc vào vneid-gia.com để hỏi.\n\n## Ghi nhớ"),
    );
    const found = await problems();
    expect(found).toContain(
      'lessons/vneid/kich-hoat.md: body: địa chỉ web "vneid-gia.com" không có trong contacts.yaml',
    );
    expect(found).toContain(
      'lessons/vneid/kich-hoat.md: body: số điện thoại "19001234" không có trong contacts.yaml',
    );
  });

  it("rejects an explanation over 200 characters and a lesson without the closing Ghi nhớ list", async () => {
    await edit("quizzes/vneid.yaml", (t) =>
      t.replace(/explanation: .*/, `explanation: "${"dài ".repeat(60)}"`),
    );
    await edit("lessons/vneid/tien-ich.md", (t) => t.replace("## Ghi nhớ", "## Tóm lại"));
    const found = await problems();
    expect(found.some((p) => p.startsWith("quizzes/vneid.yaml: questions.0.explanation:"))).toBe(true);
    expect(found).toContain('lessons/vneid/tien-ich.md: body: phải kết thúc bằng mục "## Ghi nhớ"');
  });

  it("rejects an answer card whose quote the lesson no longer says word for word, or whose ask it does not have", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) =>
      t.replace("Kích hoạt nghĩa là mở tài khoản ra để bắt đầu dùng.", "Kích hoạt là mở tài khoản để dùng."),
    );
    await edit("cards/vneid/kich-hoat.yaml", (t) =>
      t.replace("ask: kich hoat tai khoan dinh danh nghia la sao", "ask: một câu bài không có"),
    );
    const found = await problems();
    expect(found).toContain(
      'cards/vneid/kich-hoat.yaml: cards.0.ask: "một câu bài không có" không có trong asks của bài',
    );
    expect(found).toContain(
      'cards/vneid/kich-hoat.yaml: cards.1.quote.0: "Kích hoạt nghĩa là mở tài khoản ra để bắt đầu dùng." không có nguyên văn trong bài',
    );
  });

  it("rejects answer cards for a lesson that does not exist", async () => {
    await edit("cards/vneid/kich-hoat.yaml", (t) =>
      t.replace("lesson: vneid/kich-hoat", "lesson: vneid/khong-co"),
    );
    expect(await problems()).toContain('cards/vneid/kich-hoat.yaml: lesson: không có bài "vneid/khong-co"');
  });

  it("serves each module's lessons in the beginner's order modules.yaml gives, not by file name", async () => {
    const { curriculum } = await loadKnowledge(dir);
    const vneid = [...curriculum.lessons.values()].filter((l) => l.module === "vneid").map((l) => l.id);
    const listed = curriculum.modules.find((m) => m.slug === "vneid")?.lessons ?? [];
    expect(vneid).toEqual(listed.map((slug) => `vneid/${slug}`));
    expect(vneid[0]).toBe("vneid/gioi-thieu-muc-do");
  });

  it("rejects a lesson that has no place in its module's order, and an order naming a lesson that does not exist", async () => {
    await edit("modules.yaml", (t) => t.replace("kich-hoat, ", "kich-hoat-moi, "));
    const found = await problems();
    expect(found).toContain(
      'lessons/vneid/kich-hoat.md: id: chưa có chỗ trong thứ tự bài của module (modules.yaml, "vneid".lessons)',
    );
    expect(
      found.some((p) => p.startsWith("modules.yaml: modules.") && p.includes("vneid/kich-hoat-moi")),
    ).toBe(true);
  });

  it("rejects a module bank where guessing the longest option would pass", async () => {
    // Make every correct option the longest: the share is then 100%.
    await edit("quizzes/vneid.yaml", (t) => {
      const bank = YAML.parse(t) as { questions: { options: { text: string; correct?: boolean }[] }[] };
      for (const q of bank.questions)
        for (const o of q.options) if (o.correct) o.text = `${o.text} ${"rất ".repeat(30)}`;
      return YAML.stringify(bank);
    });
    expect(
      (await problems()).some(
        (p) => p.startsWith("quizzes/vneid.yaml: questions:") && p.includes("dài nhất"),
      ),
    ).toBe(true);
  });

  it("validates the ward profile: a target the records cannot measure and a malformed deadline are named", async () => {
    await edit("ward.yaml", (t) =>
      t.replace("id: can-bo-ai", "id: cay-xanh").replace("before: 20/5", "before: 2026-05-20"),
    );
    const found = await problems();
    expect(found.some((p) => p.startsWith("ward.yaml: targets.4.id:"))).toBe(true);
    expect(found.some((p) => p.startsWith("ward.yaml: report_deadlines.0.before: dạng ngày/tháng"))).toBe(
      true,
    );
  });

  it("exits non-zero from the command line with one line per problem", async () => {
    await edit("lessons/vneid/kich-hoat.md", (t) => t.replace(/^module: .*$/m, "module: khong-co"));
    const run = promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), [
      join(ROOT, "scripts/knowledge-check.ts"),
      "--dir",
      dir,
      "--quiet",
    ]);
    const error = (await run.catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain(
      `knowledge/lessons/vneid/kich-hoat.md: module: module không tồn tại "khong-co"`,
    );
  });
});
