/**
 * The layer rule, checked in CI (`npm run lint:layers`). From the bottom up:
 *   catalog/                 (what the assistant says and the words it reads, in Vietnamese; imports nothing)
 *   shared/                  (small helpers: time, errors, logging)
 *   messaging/               (the channel-neutral messages; may use shared/)
 *   config/, knowledge/, storage/, speech/ (speech: the transcriber; it may use config/)
 *   retrieval/
 *   tutor/, learning/
 *   organizer/               (may use tutor/, e.g. to redact the question log)
 *   assistant/               (dialogue state and rendering)
 *   channels/, http/
 *   core.ts, main.ts         (the composition root)
 * A folder may import its own layer and the ones below, never above; nothing imports in a circle.
 */
const below = (...folders) => `^src/(${folders.join("|")})/`;

/** [folder, what it must not import] */
const layers = [
  ["catalog", "^src/"],
  ["shared", below("messaging", "config", "knowledge", "storage", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["messaging", below("config", "knowledge", "storage", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["config", below("knowledge", "storage", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["speech", below("knowledge", "storage", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["knowledge", below("config", "storage", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["storage", below("knowledge", "retrieval", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["retrieval", below("storage", "tutor", "learning", "organizer", "assistant", "channels", "http")],
  ["tutor", below("storage", "learning", "organizer", "assistant", "channels", "http")],
  ["learning", below("tutor", "organizer", "assistant", "channels", "http")],
  ["organizer", below("assistant", "channels", "http")],
  ["assistant", below("channels", "http")],
];

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files that import each other in a loop cannot be understood or tested one at a time.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...layers.map(([folder, forbidden]) => ({
      name: `layer-${folder}`,
      severity: "error",
      comment: `src/${folder}/ must not import a layer above it (see the top of .dependency-cruiser.cjs).`,
      from: { path: `^src/${folder}/` },
      to: { path: forbidden, ...(folder === "catalog" ? { pathNot: "^src/catalog/" } : {}) },
    })),
    {
      name: "no-composition-root-imports",
      severity: "error",
      comment: "Only the entry points (the server, the terminal chat) may import the composition root.",
      from: { path: "^src/", pathNot: "^src/(main\\.ts|channels/cli/chat\\.ts)$" },
      to: { path: "^src/(core|main)\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/channels/web/public/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
