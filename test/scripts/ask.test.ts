import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/process.ts";

const run = promisify(execFile);
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  env = { PATH: process.env.PATH, DATA_DIR: await mkdtemp(join(tmpdir(), "hvs-ask-")) };
});

describe("ask script", () => {
  it("prints one JSON object for one question", async () => {
    const { stdout } = await run(TSX, ["scripts/ask.ts", "--json", "cach quet ma vietqr de tra tien"], {
      cwd: ROOT,
      env,
    });
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(["q", "refused", "answer", "sources"]);
    expect(result).toMatchObject({ q: "cach quet ma vietqr de tra tien", refused: false });
    expect(result.sources[0]).toMatchObject({ module: "thanh-toan-so", lesson: "thanh-toan-so/quet-vietqr" });
    expect(typeof result.sources[0].score).toBe("number");
  });

  it("answers a JSONL batch with one line per input, refusing what is out of scope", async () => {
    const file = join(env.DATA_DIR as string, "batch.jsonl");
    await writeFile(file, '{"q": "xổ số hôm nay"}\n{"q": "otp la gi"}\n');
    const { stdout } = await run(TSX, ["scripts/ask.ts", "--json", "--batch", file], { cwd: ROOT, env });
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ q: "xổ số hôm nay", refused: true, sources: [] });
    expect(lines[1]).toMatchObject({ q: "otp la gi", refused: false });
  });

  it("takes a plain text file as one question per line, and says which JSON line has no question", async () => {
    const file = join(env.DATA_DIR as string, "batch.txt");
    await writeFile(file, 'otp la gi\n\n{"question": "otp la gi"}\n"xổ số hôm nay"\n');
    const { stdout, stderr } = await run(TSX, ["scripts/ask.ts", "--json", "--batch", file], {
      cwd: ROOT,
      env,
    });
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.q, l.refused])).toEqual([
      ["otp la gi", false],
      [null, true],
      ["xổ số hôm nay", true],
    ]);
    expect(stderr).toContain("line 3");
  });
});

describe("terminal chat", () => {
  it("onboards with typed numbers and answers a question", async () => {
    const child = execFile(TSX, ["src/channels/cli/chat.ts"], { cwd: ROOT, env });
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stdin?.end("1\n4\n9\n2\ncach kich hoat vneid\n/thoat\n");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(output).toContain("1) Đồng ý");
    expect(output).toContain("Người dân, Tổ 9");
    expect(output).toContain("Xem bài: Kích hoạt tài khoản định danh điện tử");
  });
});
