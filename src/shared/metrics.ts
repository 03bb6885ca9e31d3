import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** The process's Prometheus metrics (served at /metrics behind METRICS_TOKEN). No labels carry personal data. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "hvs_" });

const registers = [registry];
export const metrics = {
  turns: new Counter({
    name: "hvs_turns_total",
    help: "Turns handled, by channel",
    labelNames: ["channel"],
    registers,
  }),
  turnSeconds: new Histogram({
    name: "hvs_turn_duration_seconds",
    help: "Time to answer one turn",
    labelNames: ["channel"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  }),
  refusals: new Counter({
    name: "hvs_refusals_total",
    help: "Questions answered with 'I do not know'",
    registers,
  }),
  llmCalls: new Counter({
    name: "hvs_llm_calls_total",
    help: "LLM calls, by outcome (ok, error, timeout)",
    labelNames: ["outcome"],
    registers,
  }),
  broadcastMessages: new Counter({
    name: "hvs_broadcast_messages_total",
    help: "Broadcast deliveries, by result (sent, failed, unreachable)",
    labelNames: ["result"],
    registers,
  }),
  storeErrors: new Counter({
    name: "hvs_store_errors_total",
    help: "Turns that failed because storage was unreachable",
    registers,
  }),
  turnErrors: new Counter({
    name: "hvs_turn_errors_total",
    help: "Turns that failed for another reason",
    registers,
  }),
  floodLimited: new Counter({
    name: "hvs_flood_limited_total",
    help: "Messages or requests held back by flood control, by kind (person, ip)",
    labelNames: ["kind"],
    registers,
  }),
};
