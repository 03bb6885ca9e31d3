/**
 * npm run set-webhook -- telegram            registers the webhook (TELEGRAM_WEBHOOK_URL + secret) and menus
 * npm run set-webhook -- telegram --delete   removes the webhook (the bot goes back to long polling)
 * npm run set-webhook -- zalo [--delete]     the same for the Zalo Bot Platform
 * One progress line per step; one readable error line on failure (exit 1), usage errors exit 2.
 * Tokens and secrets are never printed.
 */
import { Api } from "grammy";
import { setupTelegram } from "../src/channels/telegram/setup.ts";
import { setupZaloWebhook } from "../src/channels/zalo/setup.ts";
import { loadConfig } from "../src/config/load-config.ts";
import type { Config } from "../src/config/schema.ts";
import { AppError } from "../src/shared/app-error.ts";

const USAGE = "usage: npm run set-webhook -- telegram|zalo [--delete]";

async function telegram(config: Config, remove: boolean): Promise<void> {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new AppError("telegram-token-missing", "TELEGRAM_BOT_TOKEN is not set");
  const apiRoot = config.TELEGRAM_API_ROOT?.replace(/\/+$/, "");
  const api = new Api(token, apiRoot ? { apiRoot } : undefined);
  await setupTelegram(config, api, { remove, log: (line) => console.log(line) });
}

async function zalo(config: Config, remove: boolean): Promise<void> {
  await setupZaloWebhook(config, { delete: remove, log: (line) => console.log(line) });
}

/** The error as one line, with any secret value that slipped into it blanked out. */
function readable(error: unknown, config: Config | undefined): string {
  const detail = error instanceof Error ? error.message : String(error);
  const secrets = [config?.TELEGRAM_BOT_TOKEN, config?.TELEGRAM_WEBHOOK_SECRET, config?.ZALO_BOT_TOKEN];
  return secrets
    .filter((s): s is string => Boolean(s))
    .reduce((text, s) => text.split(s).join("[hidden]"), detail.split("\n")[0] ?? detail);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--delete");
  if (!target || !["telegram", "zalo"].includes(target) || unknown.length) {
    console.error(USAGE);
    process.exit(2);
  }
  const remove = args.includes("--delete");
  let config: Config | undefined;
  try {
    config = loadConfig();
    if (target === "telegram") await telegram(config, remove);
    else await zalo(config, remove);
  } catch (error) {
    const line = readable(error, config);
    const named = line.toLowerCase().startsWith(target) ? line : `${target}: ${line}`;
    console.error(`set-webhook: ${named}`);
    process.exit(1);
  }
}

void main();
