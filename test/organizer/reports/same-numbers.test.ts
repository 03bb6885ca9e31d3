import { spawnSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/organizer/reports/csv-text.ts";
import { EmbeddedStore } from "../../../src/storage/embedded/embedded-store.ts";
import { dashboardServer } from "../../helpers/dashboard.ts";
import { ROOT } from "../../helpers/process.ts";
import { fakeClock, organizerAssistant } from "../helpers.ts";
import { NOW, seedWard } from "./seed-ward.ts";

const ADMIN = "web:admin";
/** The ward row (last row of "Theo tổ dân phố") of a report CSV, as text cells. */
function wardRow(csv: string): string[] {
  const row = parseCsv(csv).rows.find((r) => r[0] === "Toàn phường");
  if (!row) throw new Error("no ward row");
  return row;
}

describe("the 6-month report of the seeded ward", () => {
  it("has the same numbers in the chat, on the dashboard and from the command line", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hvs-same-"));
    const seeded = await EmbeddedStore.open(join(dataDir, "store"));
    await seedWard(seeded);
    await seeded.close();

    // Command line (the server is not running: one process per data directory).
    const out = join(dataDir, "bao-cao.csv");
    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/report.ts", "--from", "01/01/2026", "--to", "30/04/2026", "--out", out],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir }, encoding: "utf8" },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = wardRow(await readFile(out, "utf8"));

    const store = await EmbeddedStore.open(join(dataDir, "store"));
    try {
      // Dashboard: log in with a code from /quantri, download the CSV of the same period.
      const { app, assistant } = await dashboardServer(store, {
        adminIds: [ADMIN],
        now: () => NOW,
        assistant: (org) => organizerAssistant(store, org, fakeClock(NOW.toISOString()).now),
      });
      const codeText =
        (await assistant.handle({ channel: "web", userId: "admin", text: "/quantri" }))[0]?.text ?? "";
      const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(codeText)?.[1] ?? "";
      const login = await app.inject({
        method: "POST",
        url: "/quan-tri/dang-nhap",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: `code=${code}`,
      });
      const cookie = /hvs_quantri=[^;]*/.exec(String(login.headers["set-cookie"]))?.[0] ?? "";
      const csv = await app.inject({
        url: "/quan-tri/bao-cao.csv?from=2026-01-01&to=2026-04-30",
        headers: { cookie },
      });
      expect(csv.statusCode).toBe(200);
      const fromDashboard = wardRow(csv.body);
      const page = await app.inject({ url: "/quan-tri?from=2026-01-01&to=2026-04-30", headers: { cookie } });

      // Chat.
      const chat = (
        await assistant.handle({ channel: "web", userId: "admin", text: "/baocao 01/01/2026 30/04/2026" })
      )
        .map((r) => r.text)
        .join("\n");

      expect(fromDashboard).toEqual(fromCli);
      // Toàn phường, population, registered, new, active 30 days, lessons, passes, certified, %, AI, AI %, classes, check-ins.
      expect(fromCli).toEqual([
        "Toàn phường",
        "161",
        "31",
        "25",
        "17",
        "27",
        "16",
        "13",
        "8.1",
        "8",
        "25.8",
        "2",
        "14",
      ]);
      expect(chat).toContain(
        "Toàn phường: 31 đăng ký học, 13 có chứng nhận (8,1% dân số), 17 hoạt động 30 ngày qua; 27 bài học đã đọc, 16 lượt đạt học phần, 8 người đạt học phần AI.",
      );
      expect(chat).toContain("Lớp học: 2 buổi, 14 lượt điểm danh.");
      for (const shown of ["161", "31", "25", "17", "27", "16", "13", "8,1", "25,8", "14"])
        expect(page.body).toContain(`>${shown}<`);
    } finally {
      await store.close();
    }
  }, 60_000);
});
