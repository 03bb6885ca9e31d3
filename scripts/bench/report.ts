/** The bench result: named figures, target checks, and the human-readable table. */

export interface Target {
  target: string;
  value: string;
  /** null when a figure it needs could not be measured. */
  pass: boolean | null;
}

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
  cold_start_ms: number;
  turns_per_s_embedded: number;
  turns_per_s_redis: number | null;
  echo_turns_per_s: number;
  turn_p95_ms: number;
  broadcast_efficiency: number | null;
  broadcast_duplicates: number | null;
  broadcast_lost: number | null;
  rss_mb_100k_learners: number;
  redis_bytes_per_learner: number | null;
  /** Supporting figures: sizes, the same turns with a simulated Bot API round trip, and so on. */
  details: Record<string, number | string | boolean | null>;
  targets: Record<string, Target>;
  notes: string[];
}

export function checkTargets(r: Omit<BenchResult, "targets" | "runtime_s">): Record<string, Target> {
  const ratio = r.echo_turns_per_s > 0 ? r.turns_per_s_embedded / r.echo_turns_per_s : 0;
  const latencyRatio =
    Number(r.details.turns_per_s_embedded_api_latency) / Number(r.details.echo_turns_per_s_api_latency);
  const bc = r.broadcast_efficiency;
  return {
    retrieval_p95: {
      target: "retrieval_p95_ms ≤ 10",
      value: `${r.retrieval_p95_ms} ms`,
      pass: r.retrieval_p95_ms <= 10,
    },
    turns_vs_echo: {
      target: "turns_per_s_embedded ≥ 50% of echo_turns_per_s",
      value: `${(ratio * 100).toFixed(1)}% (${r.turns_per_s_embedded} / ${r.echo_turns_per_s})`,
      pass: ratio >= 0.5,
    },
    turns_vs_echo_api_latency: {
      target: `the same with a ${r.details.api_latency_ms} ms Bot API round trip (informational)`,
      value: Number.isFinite(latencyRatio)
        ? `${(latencyRatio * 100).toFixed(1)}% (${r.details.turns_per_s_embedded_api_latency} / ${r.details.echo_turns_per_s_api_latency})`
        : "not measured",
      pass: Number.isFinite(latencyRatio) ? latencyRatio >= 0.5 : null,
    },
    broadcast: {
      target: "broadcast_efficiency ≥ 0.95, 0 duplicates, 0 lost",
      value:
        bc === null
          ? "not measured"
          : `${bc} (${r.details.broadcast_achieved_per_s}/${r.details.broadcast_configured_per_s} per s), ${r.broadcast_duplicates} dup, ${r.broadcast_lost} lost`,
      pass: bc === null ? null : bc >= 0.95 && r.broadcast_duplicates === 0 && r.broadcast_lost === 0,
    },
    rss: {
      target: "rss_mb_100k_learners ≤ 400",
      value: `${r.rss_mb_100k_learners} MB (${r.details.rss_learners} learners)`,
      pass: r.rss_mb_100k_learners <= 400,
    },
  };
}

const show = (x: unknown) => (x === null || x === undefined ? "—" : String(x));

/** The table printed at the end of `npm run bench`. */
export function renderTable(r: BenchResult): string {
  const d = r.details;
  const rows: [string, string, string][] = [
    [
      "retrieval p50 / p95",
      `${r.retrieval_p50_ms} / ${r.retrieval_p95_ms} ms`,
      `${d.retrieval_samples} answers (${d.retrieval_questions} eval questions × ${d.retrieval_rounds})`,
    ],
    [
      "MiniSearch baseline p50 / p95",
      `${r.baseline_p50_ms} / ${r.baseline_p95_ms} ms`,
      "same questions, fuzzy 0.2 + prefix",
    ],
    ["index build (no cache)", `${r.index_build_ms} ms`, ""],
    ["cold start → /healthz 200", `${r.cold_start_ms} ms`, `median of ${d.cold_start_runs}, fresh DATA_DIR`],
    ["turns/s embedded", show(r.turns_per_s_embedded), `p50 ${d.turn_p50_ms} ms, p95 ${r.turn_p95_ms} ms`],
    ["turns/s redis", show(r.turns_per_s_redis), `p95 ${show(d.turn_p95_ms_redis)} ms`],
    [
      "echo bot turns/s (ceiling)",
      show(r.echo_turns_per_s),
      `${d.turns} turns, ${d.users} users, ${d.concurrency} in flight, API answers at once`,
    ],
    [
      `turns/s at ${d.api_latency_ms} ms API latency`,
      `${show(d.turns_per_s_embedded_api_latency)} emb / ${show(d.turns_per_s_redis_api_latency)} redis / ${show(d.echo_turns_per_s_api_latency)} echo`,
      `${d.turns_api_latency} turns; p95 embedded ${show(d.turn_p95_ms_api_latency)} ms`,
    ],
    [
      "broadcast efficiency",
      show(r.broadcast_efficiency),
      `${d.broadcast_recipients} recipients, ${show(d.broadcast_achieved_per_s)}/${d.broadcast_configured_per_s} per s, ${show(d.broadcast_rate_limited)} × 429, ${show(d.broadcast_ms)} ms`,
    ],
    ["broadcast duplicates / lost", `${show(r.broadcast_duplicates)} / ${show(r.broadcast_lost)}`, ""],
    [
      "RSS with 100k learners",
      `${r.rss_mb_100k_learners} MB`,
      `${d.rss_learners} learners, heap ${d.rss_heap_used_mb} MB, written in ${d.rss_write_ms} ms`,
    ],
    [
      "Redis bytes per learner",
      show(r.redis_bytes_per_learner),
      `used_memory delta over ${d.redis_learners}; MEMORY USAGE sample ${show(d.redis_bytes_per_learner_sampled)}`,
    ],
  ];
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  const lines = [
    `hocvuso bench (${r.mode}) — ${r.date}, Node ${r.node}, ${r.cores} cores, ${r.runtime_s} s`,
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
