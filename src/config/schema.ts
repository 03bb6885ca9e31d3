import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();
const optionalUrl = (what: string) =>
  optionalText.refine((v) => v === undefined || /^(https?|rediss?):\/\/\S+$/.test(v), `expected ${what}`);

/** The Zalo Official Account channel starts when all of these are set (any of them alone is an error). */
export const ZALO_OA_VARIABLES = [
  "ZALO_OA_APP_ID",
  "ZALO_OA_APP_SECRET",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_REFRESH_TOKEN",
] as const;

/** Every environment variable the assistant reads, with its default. `.env.example` documents each one. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ error: "expected a whole number from 1 to 65535" })
      .int("expected a whole number from 1 to 65535")
      .min(1, "expected a whole number from 1 to 65535")
      .max(65535, "expected a whole number from 1 to 65535")
      .default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().trim().min(1, "expected a directory path").default("data"),
    KNOWLEDGE_DIR: z.string().trim().min(1, "expected a directory path").default("knowledge"),
    PUBLIC_URL: optionalUrl("an http(s) URL such as https://hocvuso.example.vn"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REDIS_URL: optionalText.refine(
      (v) => v === undefined || /^rediss?(\+cluster)?:\/\/\S+$/.test(v),
      "expected a redis://, rediss:// or redis+cluster:// URL",
    ),
    /** A Redis Cluster's nodes, `host:port,host:port` (or a `redis+cluster://` REDIS_URL instead). */
    REDIS_CLUSTER_NODES: optionalText.refine(
      (v) => v === undefined || /^\s*[^,\s]+:\d{1,5}\s*(,\s*[^,\s]+:\d{1,5}\s*)*$/.test(v),
      "expected a comma-separated list like 10.0.0.5:7000,10.0.0.6:7000",
    ),
    REDIS_PREFIX: z.string().trim().min(1).default("hvs:"),
    TELEGRAM_BOT_TOKEN: optionalText.refine(
      (v) => v === undefined || /^\d+:[\w-]{20,}$/.test(v),
      "expected a token from @BotFather (digits:letters)",
    ),
    TELEGRAM_WEBHOOK_URL: optionalUrl("an https URL"),
    TELEGRAM_WEBHOOK_SECRET: optionalText,
    TELEGRAM_API_ROOT: optionalUrl("an http(s) URL of a Bot API server"),
    ZALO_BOT_TOKEN: optionalText,
    ZALO_WEBHOOK_SECRET: optionalText,
    ZALO_WEBHOOK_URL: optionalUrl("an https URL"),
    ZALO_API_ROOT: optionalUrl("an http(s) URL").default("https://bot-api.zaloplatforms.com"),
    ZALO_SEND_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    ZALO_SEND_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    /** The ward's Zalo Official Account: all four of these, or none (see ZALO_OA_VARIABLES). */
    ZALO_OA_APP_ID: optionalText.refine(
      (v) => v === undefined || /^\d{1,30}$/.test(v),
      "expected the app's numeric ID",
    ),
    ZALO_OA_APP_SECRET: optionalText,
    ZALO_OA_SECRET_KEY: optionalText,
    ZALO_OA_REFRESH_TOKEN: optionalText,
    ZALO_OA_API_ROOT: optionalUrl("an http(s) URL").default("https://openapi.zalo.me"),
    ZALO_OA_OAUTH_ROOT: optionalUrl("an http(s) URL").default("https://oauth.zaloapp.com"),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalUrl("an http(s) URL of an OpenAI-compatible server"),
    OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
    /** The embedding model of the index: local (no network) or an OpenAI-compatible /embeddings. */
    EMBEDDINGS: z.enum(["local", "openai"]).default("local"),
    EMBEDDINGS_MODEL: z.string().trim().min(1).default("text-embedding-3-small"),
    /** Voice messages: the model of an OpenAI-compatible /audio/transcriptions (unset: voice is off). */
    TRANSCRIBE_MODEL: optionalText,
    ADMIN_IDS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => /^(telegram|zalo|zalo-oa|web|cli):[\w-]+$/.test(id)), {
        message: "expected a comma-separated list like telegram:12345,zalo:abc",
      }),
    CERT_SECRET: optionalText,
    /** Bearer token for GET /metrics; unset = /metrics is off. */
    METRICS_TOKEN: optionalText,
    /** Months of inactivity after which a learner's details are removed (0 = keep). */
    RETENTION_MONTHS: z.coerce.number().int().min(0).max(120).default(0),
    BROADCAST_RATE_PER_S: z.coerce
      .number({ error: "expected messages per second, 1 to 1000" })
      .min(1, "expected messages per second, 1 to 1000")
      .max(1000, "expected messages per second, 1 to 1000")
      .default(25),
    BROADCAST_CHAT_SPACING_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    FLOOD_PER_MINUTE: z.coerce.number().int().min(0).max(1000).default(20),
    /** A module quiz answered faster than this many seconds per question is not counted as a pass (0 = off). */
    QUIZ_MIN_SECONDS_PER_QUESTION: z.coerce.number().min(0).max(120).default(3),
    /**
     * Behind reverse proxies: the number of proxies in front (1 for one nginx), or their addresses (comma
     * separated IPs or CIDRs); unset or 0: X-Forwarded-For is ignored. "true" is refused: it would trust
     * every hop a client writes, so a client could pick its own address.
     */
    TRUST_PROXY: z
      .string()
      .default("0")
      .transform((v, ctx) => {
        const value = v.trim().toLowerCase();
        if (value === "" || value === "false" || value === "0") return 0;
        if (/^\d{1,2}$/.test(value)) return Number(value);
        if (value === "true")
          ctx.addIssue({
            code: "custom",
            message: "expected the number of proxies in front (e.g. 1) or their addresses, not true",
          });
        const addresses = value.split(",").map((a) => a.trim());
        if (!addresses.every((a) => /^[0-9a-f:.]+(\/\d{1,3})?$/.test(a)))
          ctx.addIssue({
            code: "custom",
            message: "expected a number of proxies or comma-separated IPs/CIDRs",
          });
        return addresses;
      }),
    WEB_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(600),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .superRefine((config, ctx) => {
    const oaSet = ZALO_OA_VARIABLES.filter((name) => config[name] !== undefined);
    if (oaSet.length && oaSet.length < ZALO_OA_VARIABLES.length)
      for (const name of ZALO_OA_VARIABLES.filter((n) => config[n] === undefined))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `the Zalo Official Account needs ${ZALO_OA_VARIABLES.join(", ")} together (${oaSet.join(", ")} set)`,
        });
    if (config.REDIS_URL && config.REDIS_CLUSTER_NODES)
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_CLUSTER_NODES"],
        message: "set REDIS_URL or REDIS_CLUSTER_NODES, not both",
      });
    if (config.EMBEDDINGS === "openai" && !config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)
      ctx.addIssue({
        code: "custom",
        path: ["EMBEDDINGS"],
        message: "openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server",
      });
    if (config.TRANSCRIBE_MODEL && !config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)
      ctx.addIssue({
        code: "custom",
        path: ["TRANSCRIBE_MODEL"],
        message: "voice needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server",
      });
  });

export type Config = z.infer<typeof configSchema>;

/** Variables whose values must never be printed, not even in an error message. */
export const SECRET_VARIABLES = new Set([
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "ZALO_BOT_TOKEN",
  "ZALO_WEBHOOK_SECRET",
  "ZALO_OA_APP_SECRET",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_REFRESH_TOKEN",
  "OPENAI_API_KEY",
  "CERT_SECRET",
  "METRICS_TOKEN",
  "REDIS_URL",
]);
