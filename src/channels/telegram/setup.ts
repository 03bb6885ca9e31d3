import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LEARNER_COMMANDS, ORGANIZER_COMMANDS } from "../../assistant/commands.ts";
import type { Config } from "../../config/schema.ts";
import { AppError } from "../../shared/app-error.ts";
import { errorCode } from "./sender.ts";
import { TELEGRAM_WEBHOOK_PATH } from "./webhook-route.ts";

/** The only updates the channel handles; everything else (edits, channel posts…) is never sent to us. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export type TelegramSetupApi = Pick<Api, "setWebhook" | "deleteWebhook" | "setMyCommands">;
export type TelegramSetupConfig = Pick<
  Config,
  "TELEGRAM_WEBHOOK_URL" | "TELEGRAM_WEBHOOK_SECRET" | "TELEGRAM_API_ROOT" | "ADMIN_IDS"
>;

const toCommands = (list: readonly { command: string; description: string }[]): BotCommand[] =>
  list.map(({ command, description }) => ({ command, description }));

/** Telegram chat ids of the admins listed as `telegram:<id>` in ADMIN_IDS. */
export function adminChatIds(adminIds: readonly string[]): number[] {
  return adminIds
    .filter((id) => /^telegram:-?\d+$/.test(id))
    .map((id) => Number(id.slice("telegram:".length)))
    .filter(Number.isSafeInteger);
}

/** A bare origin ("https://x.vn" or "https://x.vn/") gets the route path; a full URL is kept as given. */
export function webhookUrl(raw: string): string {
  const url = new URL(raw);
  if (url.pathname === "/" || url.pathname === "") url.pathname = TELEGRAM_WEBHOOK_PATH;
  return url.toString();
}

/** Shows or hides the organizer commands in one person's private chat (call it when a role changes). */
export async function setOrganizerMenu(
  api: Pick<Api, "setMyCommands" | "deleteMyCommands">,
  chatId: number,
  organizer: boolean,
): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (organizer) await api.setMyCommands(toCommands([...LEARNER_COMMANDS, ...ORGANIZER_COMMANDS]), { scope });
  else await api.deleteMyCommands({ scope }); // falls back to the default (learner) menu
}

/**
 * Sets the command menus: learner commands for everyone, learner + organizer commands in each admin's
 * private chat. An admin who never opened the bot makes Telegram refuse their menu: counted, not fatal.
 */
export async function setTelegramCommands(
  api: Pick<Api, "setMyCommands">,
  adminIds: readonly string[],
): Promise<{ commands: number; admins: number; failedAdmins: string[] }> {
  await api.setMyCommands(toCommands(LEARNER_COMMANDS), { scope: { type: "default" } });
  const all = toCommands([...LEARNER_COMMANDS, ...ORGANIZER_COMMANDS]);
  const ids = adminChatIds(adminIds);
  const failedAdmins: string[] = [];
  for (const chatId of ids) {
    await api
      .setMyCommands(all, { scope: { type: "chat", chat_id: chatId } })
      .catch((error: unknown) => failedAdmins.push(errorCode(error)));
  }
  return { commands: LEARNER_COMMANDS.length, admins: ids.length - failedAdmins.length, failedAdmins };
}

export interface TelegramSetupOptions {
  /** Remove the webhook instead of registering it (the bot then runs with long polling). */
  remove?: boolean;
  /** Receives one progress line per step; never a token or a secret. */
  log?: (line: string) => void;
}

/** Registers (or removes) the webhook with its secret, then sets the command menus. */
export async function setupTelegram(
  config: TelegramSetupConfig,
  api: TelegramSetupApi,
  options: TelegramSetupOptions = {},
): Promise<void> {
  const log = options.log ?? (() => {});
  if (options.remove) {
    await api.deleteWebhook({ drop_pending_updates: false });
    log("Telegram: webhook removed; start the assistant without TELEGRAM_WEBHOOK_URL to use long polling");
    return;
  }
  if (!config.TELEGRAM_WEBHOOK_URL)
    throw new AppError("telegram-webhook-url-missing", "TELEGRAM_WEBHOOK_URL is not set");
  if (!config.TELEGRAM_WEBHOOK_SECRET)
    throw new AppError("telegram-webhook-secret-missing", "TELEGRAM_WEBHOOK_SECRET is not set");
  const url = webhookUrl(config.TELEGRAM_WEBHOOK_URL);
  if (!url.startsWith("https://") && !config.TELEGRAM_API_ROOT)
    throw new AppError("telegram-webhook-not-https", "TELEGRAM_WEBHOOK_URL must be an https:// address");

  await api.setWebhook(url, {
    secret_token: config.TELEGRAM_WEBHOOK_SECRET,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
  const shown = new URL(url);
  log(`Telegram: webhook set to ${shown.origin}${shown.pathname} (secret token on)`);

  const menus = await setTelegramCommands(api, config.ADMIN_IDS);
  log(`Telegram: command menu set (${menus.commands} commands for everyone)`);
  if (menus.admins || menus.failedAdmins.length)
    log(`Telegram: organizer menu set for ${menus.admins} admin(s)`);
  if (menus.failedAdmins.length)
    log(
      `Telegram: organizer menu not set for ${menus.failedAdmins.length} admin(s) (${menus.failedAdmins.join(", ")}); ` +
        "they must open the bot once, then run this again",
    );
}
