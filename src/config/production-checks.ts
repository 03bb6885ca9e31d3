import type { Config } from "./schema.ts";

const MIN_SECRET = 32;
const MIN_WEBHOOK_SECRET = 16;

/** Too short, or one character repeated, or a placeholder: not a secret worth the name. */
function weak(secret: string | undefined, min: number): boolean {
  if (!secret || secret.length < min) return true;
  if (new Set(secret).size < 8) return true;
  return /^(changeme|secret|password|example|test)/i.test(secret);
}

/**
 * In production, start-up refuses weak or missing secrets: the certificate signing key, the webhook
 * secrets of the webhooks in use, and the metrics token when metrics are on. Each problem names the
 * variable and what it needs, never its value.
 */
export function productionProblems(config: Config): string[] {
  if (config.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (weak(config.CERT_SECRET, MIN_SECRET))
    problems.push(`CERT_SECRET must be set to a random string of at least ${MIN_SECRET} characters`);
  if (
    config.TELEGRAM_BOT_TOKEN &&
    config.TELEGRAM_WEBHOOK_URL &&
    weak(config.TELEGRAM_WEBHOOK_SECRET, MIN_WEBHOOK_SECRET)
  )
    problems.push(
      `TELEGRAM_WEBHOOK_SECRET must be a random string of at least ${MIN_WEBHOOK_SECRET} characters (A-Z a-z 0-9 _ -)`,
    );
  if (
    config.ZALO_BOT_TOKEN &&
    config.ZALO_WEBHOOK_URL &&
    weak(config.ZALO_WEBHOOK_SECRET, MIN_WEBHOOK_SECRET)
  )
    problems.push(`ZALO_WEBHOOK_SECRET must be a random string of at least ${MIN_WEBHOOK_SECRET} characters`);
  if (config.METRICS_TOKEN !== undefined && weak(config.METRICS_TOKEN, MIN_SECRET))
    problems.push(
      `METRICS_TOKEN must be a random string of at least ${MIN_SECRET} characters (or unset to turn /metrics off)`,
    );
  if (!config.PUBLIC_URL)
    problems.push(
      "PUBLIC_URL must be set in production: the https:// address residents open (secure cookies and links need it)",
    );
  else if (!config.PUBLIC_URL.startsWith("https://"))
    problems.push(
      "PUBLIC_URL must be an https:// address in production (login cookies and webhooks need it)",
    );
  return problems;
}
