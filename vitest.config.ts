import { defineConfig } from "vitest/config";

/**
 * Tests that start a browser, a child process or a real Redis: the `system` project. Everything else is
 * `unit` — the fast loop (`npm run test:unit`, under a minute). `npm test` runs both.
 */
const SYSTEM = [
  "test/**/*.browser.test.ts",
  "test/http/dashboard-browser.test.ts",
  "test/main.test.ts",
  "test/reliability/**/*.test.ts",
  "test/scripts/**/*.test.ts",
  "test/storage/redis-store.test.ts",
  "test/storage/redis-cluster-store.test.ts",
  "test/storage/embedded-store-process.test.ts",
  "test/assistant/learning-on-redis.test.ts",
  "test/channels/telegram/exactly-once.test.ts",
  "test/channels/cli/chat.test.ts",
  "test/knowledge/knowledge-check.test.ts",
  "test/organizer/crash.test.ts",
  "test/organizer/redis-two-instances.test.ts",
  "test/organizer/reports/same-numbers.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: SYSTEM, isolate: false },
      },
      // Processes and browsers wait on readiness with generous limits.
      { extends: true, test: { name: "system", include: SYSTEM, testTimeout: 90_000 } },
    ],
  },
});
