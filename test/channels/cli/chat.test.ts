import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TERMINAL_INTRO } from "../../../src/catalog/cli.ts";
import { ROOT } from "../../helpers/process.ts";

/** Runs `npm run chat`'s script with the lines typed in, and resolves everything it printed. */
async function terminalChat(dataDir: string, typed: string[]): Promise<{ out: string; code: number | null }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src", "channels", "cli", "chat.ts")],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    out += d;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  child.stdin.end(`${typed.join("\n")}\n`);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { out, code };
}

describe("the terminal chat (npm run chat)", () => {
  it("says how to leave, asks to type numbers, keeps log lines out of the conversation, and leaves on /thoat", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hvs-cli-"));
    const { out, code } = await terminalChat(dataDir, ["1", "4", "5", "2", "/kiemtra", "1", "b", "/thoat"]);
    expect(code).toBe(0);
    expect(out.startsWith(TERMINAL_INTRO)).toBe(true);
    expect(out).toContain("Gõ /thoat để thoát");
    expect(out).toContain("Cảm ơn bạn! Mình đã ghi nhận: Người dân, Tổ 5.");
    expect(out).toContain("(Gõ số từ 1 đến 4 rồi nhấn Enter để chọn.)");
    expect(out).toContain("(Gõ chữ A, B, C hoặc D, hoặc số 1 đến 4, rồi nhấn Enter.)");
    expect(out).toContain("Câu 2/10");
    // Onboarding asks to choose or type, never to tap (lessons and quiz questions may speak of tapping).
    expect(out.slice(0, out.indexOf("Bạn muốn làm bài kiểm tra"))).not.toMatch(/bấm/i);
    // Not one log line on screen: the start-up warning went to the log file instead.
    expect(out.split("\n").filter((line) => line.trim().startsWith("{"))).toEqual([]);
    expect(await readFile(join(dataDir, "chat.log"), "utf8")).toContain('"level":40');
    expect(out.trim().endsWith("Tạm biệt!")).toBe(true);
  }, 60_000);
});
