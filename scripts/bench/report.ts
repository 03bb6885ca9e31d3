/** The bench result: named figures, target checks, and the human-readable table. */

export interface Target {
  target: string;
  value: string;
  /** null when a figure it needs could not be measured. */
  pass: boolean | null;
}

type Figure = number | null;

export interface BenchResult {
  date: string;
  node: string;
  cores: number;
  mode: "full" | "quick";
  runtime_s: number;
  retrieval_p50_ms: number;
  retrieval_p95_ms: number;
  baseline_p50_ms: number;
  baseline_p95_ms: number;
  index_build_ms: number;
  /** Fresh DATA_DIR (the index is built) and the same DATA_DIR again (the index is read from its cache). */
  cold_start_ms: number;
  cold_start_cached_ms: number;
  /** 200 residents through POST /api/chat on Redis, one instance, with think time. */
  turn_p95_ms: Figure;
  /** The same residents without think time: the ceiling of one instance on Redis. */
  turns_per_s_redis: Figure;
  broadcast_efficiency: Figure;
  broadcast_duplicates: Figure;
  broadcast_lost: Figure;
  report_ms_100k: Figure;
  report_ms_1m: Figure;
  audience_ms_100k: Figure;
  audience_ms_1m: Figure;
  rss_mb_1m_redis: Figure;
  rss_mb_100k_learners: number;
  redis_bytes_per_learner: Figure;
  /** Supporting figures: sizes, two instances, takeover time, machine load, and so on. */
  details: Record<string, number | string | boolean | null>;
  targets: Record<string, Target>;
  notes: string[];
}

const show = (x: unknown) => (x === null || x === undefined ? "—" : String(x));
const atMost = (value: Figure, limit: number) => (value === null ? null : value <= limit);

export function checkTargets(r: Omit<BenchResult, "targets" | "runtime_s">): Record<string, Target> {
  const bc = r.broadcast_efficiency;
  return {
    retrieval_p95: {
      target: "retrieval_p95_ms ≤ 10",
      value: `${r.retrieval_p95_ms} ms`,
      pass: r.retrieval_p95_ms <= 10,
    },
    report_1m: {
      target: "report_ms_1m ≤ 1000",
      value: `${show(r.report_ms_1m)} ms`,
      pass: atMost(r.report_ms_1m, 1000),
    },
    audience_100k: {
      target: "an audience of 100k resolved and queued ≤ 5000 ms (at 100k and at 1M learners)",
      value: `${show(r.audience_ms_100k)} ms / ${show(r.audience_ms_1m)} ms`,
      pass:
        r.audience_ms_100k === null || r.audience_ms_1m === null
          ? null
          : r.audience_ms_100k <= 5000 && r.audience_ms_1m <= 5000,
    },
    turn_p95: {
      target: `turn_p95_ms ≤ 50 with ${r.details.chat_residents} residents on one instance`,
      value: `${show(r.turn_p95_ms)} ms`,
      pass: atMost(r.turn_p95_ms, 50),
    },
    rss_1m_redis: {
      target: "rss_mb_1m_redis ≤ 300",
      value: `${show(r.rss_mb_1m_redis)} MB`,
      pass: atMost(r.rss_mb_1m_redis, 300),
    },
    broadcast: {
      target: "broadcast_efficiency ≥ 0.95, 0 duplicates, 0 lost (429s, a killed sender)",
      value: bc === null ? "not measured" : `${bc}, ${r.broadcast_duplicates} dup, ${r.broadcast_lost} lost`,
      pass: bc === null ? null : bc >= 0.95 && r.broadcast_duplicates === 0 && r.broadcast_lost === 0,
    },
    cold_start_cached: {
      target: "cold_start_cached_ms ≤ 3000",
      value: `${r.cold_start_cached_ms} ms`,
      pass: r.cold_start_cached_ms <= 3000,
    },
  };
}

/** The table printed at the end of `npm run bench`. */
export function renderTable(r: BenchResult): string {
  const d = r.details;
  const rows: [string, string, string][] = [
    [
      "retrieval p50 / p95",
      `${r.retrieval_p50_ms} / ${r.retrieval_p95_ms} ms`,
      `${d.retrieval_samples} answers (${d.retrieval_questions} eval questions × ${d.retrieval_rounds})`,
    ],
    ["MiniSearch baseline p50 / p95", `${r.baseline_p50_ms} / ${r.baseline_p95_ms} ms`, "same questions"],
    ["index build (no cache)", `${r.index_build_ms} ms`, ""],
    [
      "cold start / cached",
      `${r.cold_start_ms} / ${r.cold_start_cached_ms} ms`,
      `upper median of ${d.cold_start_runs}`,
    ],
    [
      "chat turn p50 / p95, 1 instance",
      `${show(d.turn_p50_ms)} / ${show(r.turn_p95_ms)} ms`,
      `${d.chat_residents} residents × ${d.chat_turns_each} turns, think ${d.chat_think_ms} ms, ${show(d.turns_per_s_paced)} turns/s`,
    ],
    [
      "chat ceiling, 1 / 2 instances",
      `${show(r.turns_per_s_redis)} / ${show(d.turns_per_s_redis_2_instances)} turns/s`,
      "no think time",
    ],
    ["chat turn p95, 2 instances", `${show(d.turn_p95_ms_2_instances)} ms`, ""],
    [
      "broadcast efficiency",
      show(r.broadcast_efficiency),
      `${d.broadcast_recipients} recipients, ${show(d.broadcast_achieved_per_s)}/${d.broadcast_configured_per_s} per s, killed after ${show(d.broadcast_killed_after)}, takeover ${show(d.broadcast_takeover_ms)} ms`,
    ],
    [
      "broadcast duplicates / lost / ambiguous",
      `${show(r.broadcast_duplicates)} / ${show(r.broadcast_lost)} / ${show(d.broadcast_ambiguous)}`,
      "",
    ],
    [
      "report 100k / 1M learners",
      `${show(r.report_ms_100k)} / ${show(r.report_ms_1m)} ms`,
      `sizes ${d.province_sizes}`,
    ],
    [
      "audience ~100k queued, 100k / 1M",
      `${show(r.audience_ms_100k)} / ${show(r.audience_ms_1m)} ms`,
      `${show(d.audience_recipients_100k)} / ${show(d.audience_recipients_1m)} recipients`,
    ],
    [
      "app RSS at 1M on Redis",
      `${show(r.rss_mb_1m_redis)} MB`,
      `at 100k: ${show(d.rss_mb_100k_redis)} MB (peak)`,
    ],
    [
      "Redis bytes per learner",
      show(r.redis_bytes_per_learner),
      `at 1M: ${show(d.redis_bytes_per_learner_1m)}`,
    ],
    ["RSS, 100k learners embedded", `${r.rss_mb_100k_learners} MB`, `${d.rss_learners} learners`],
  ];
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  const lines = [
    `hocvuso bench (${r.mode}) — ${r.date}, Node ${r.node}, ${r.cores} cores, ${r.runtime_s} s, load ${d.load_avg_1m_start}→${d.load_avg_1m_end}`,
    "",
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`),
    "",
    "targets:",
    ...Object.values(r.targets).map(
      (t) => `  ${t.pass === null ? "n/a " : t.pass ? "PASS" : "MISS"}  ${t.target}: ${t.value}`,
    ),
  ];
  if (r.notes.length) lines.push("", "notes:", ...r.notes.map((n) => `  - ${n}`));
  return lines.join("\n");
}
