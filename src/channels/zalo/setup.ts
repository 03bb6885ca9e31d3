import type { Config } from "../../config/schema.ts";
import { AppError } from "../../shared/app-error.ts";
import { createZaloClient, ZaloApiError } from "./client.ts";
import { ZALO_WEBHOOK_PATH } from "./webhook.ts";

export interface SetupZaloOptions {
  /** Remove the webhook (back to long polling) instead of setting it. */
  delete?: boolean;
  /** Prints one line for the operator; never receives the token. */
  log: (line: string) => void;
  fetch?: typeof fetch;
}

/** Checks the webhook secret the platform accepts (8–256 characters); throws a readable AppError. */
export function validateZaloSecret(secret: string | undefined): string {
  if (!secret) throw new AppError("config", "Zalo: ZALO_WEBHOOK_SECRET is not set (8–256 characters)");
  if (secret.length < 8 || secret.length > 256)
    throw new AppError(
      "config",
      `Zalo: ZALO_WEBHOOK_SECRET must be 8–256 characters long (it has ${secret.length})`,
    );
  return secret;
}

/**
 * npm run set-webhook -- zalo [--delete]: sets the webhook to ZALO_WEBHOOK_URL with ZALO_WEBHOOK_SECRET
 * (or deletes it), then prints what the platform reports. Errors are AppErrors without the token.
 */
export async function setupZaloWebhook(config: Config, opts: SetupZaloOptions): Promise<void> {
  const token = config.ZALO_BOT_TOKEN;
  if (!token) throw new AppError("config", "Zalo: ZALO_BOT_TOKEN is not set");
  const client = createZaloClient({ token, apiRoot: config.ZALO_API_ROOT, fetch: opts.fetch });
  try {
    if (opts.delete) {
      await client.deleteWebhook();
      opts.log(
        "Zalo: webhook deleted — the bot now receives messages by long polling (leave ZALO_WEBHOOK_URL unset).",
      );
    } else {
      const url = config.ZALO_WEBHOOK_URL;
      if (!url)
        throw new AppError(
          "config",
          "Zalo: ZALO_WEBHOOK_URL is not set (e.g. https://your.host/webhook/zalo)",
        );
      if (!url.startsWith("https://")) opts.log("Warning: Zalo delivers webhooks to https addresses only.");
      if (new URL(url).pathname !== ZALO_WEBHOOK_PATH)
        opts.log(`Warning: the server listens on ${ZALO_WEBHOOK_PATH}; the URL's path is different.`);
      await client.setWebhook({ url, secret_token: validateZaloSecret(config.ZALO_WEBHOOK_SECRET) });
      opts.log(`Zalo: webhook set to ${url}`);
    }
    const info = await client.getWebhookInfo();
    opts.log(`Zalo webhook info: ${JSON.stringify(info)}`);
  } catch (error) {
    if (error instanceof ZaloApiError) throw new AppError(error.code, error.message);
    throw error;
  }
}
