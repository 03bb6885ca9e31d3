/**
 * `npm run rebuild-aggregates`: recomputes the report counts (per tổ dân phố, learner group and day) and the
 * audiences' membership sets from the stored facts. Once, when upgrading a store written before they were
 * kept, or after restoring a backup. Stop the assistant first (with the embedded store it must be stopped;
 * with Redis, changes made while it runs could be counted twice or not at all).
 */
import { loadConfig } from "../src/config/load-config.ts";
import { rebuildAggregates } from "../src/organizer/reports/rebuild-aggregates.ts";
import { openStore } from "../src/storage/open-store.ts";

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(
      "npm run rebuild-aggregates — tính lại số liệu báo cáo và danh sách người nhận từ dữ liệu đã lưu.",
    );
    return;
  }
  const started = Date.now();
  const { store, kind } = await openStore(loadConfig());
  try {
    const result = await rebuildAggregates(store, (done) => {
      if (process.stderr.isTTY) process.stderr.write(`\rĐã tính ${done} người học`);
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(
      `Đã tính lại số liệu (${kind}): ${result.learners} người học, ${result.erased} hồ sơ đã xóa (ẩn danh), ` +
        `${result.checkins} lượt điểm danh của người đã xóa, trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const code = (error as { code?: string })?.code;
  console.error(`rebuild-aggregates: không tính lại được (${code ?? (error as Error)?.message ?? "lỗi"}).`);
  process.exitCode = 1;
});
