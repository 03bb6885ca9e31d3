import type { Logger } from "pino";
import type { Assistant } from "../assistant/types.ts";
import type { Config } from "../config/schema.ts";
import type { Identities } from "../learning/identity.ts";
import { Reachability } from "../learning/reachability.ts";
import { parseAccount } from "../messaging/account.ts";
import type { Roles } from "../organizer/roles.ts";
import { createTranscriberFromConfig } from "../speech/transcriber.ts";
import type { Store } from "../storage/store.ts";
import type { ChannelRuntime } from "./channel.ts";
import { createTelegramChannel } from "./telegram/create-telegram-channel.ts";
import { createZaloChannel } from "./zalo/channel.ts";
import { createZaloOaChannel } from "./zalo-oa/channel.ts";

/** The messaging channels whose tokens are set; none without tokens (the web chat always runs). */
export function enabledChannels(deps: {
  config: Config;
  assistant: Assistant;
  store: Store;
  logger: Logger;
}): ChannelRuntime[] {
  const reachability = new Reachability(deps.store);
  const transcriber = createTranscriberFromConfig(deps.config);
  const channels: ChannelRuntime[] = [];
  if (deps.config.TELEGRAM_BOT_TOKEN) {
    channels.push(
      createTelegramChannel({
        ...deps,
        logger: deps.logger.child({ channel: "telegram" }),
        reachability,
        transcriber,
      }),
    );
  }
  if (deps.config.ZALO_BOT_TOKEN) {
    channels.push(
      createZaloChannel({
        ...deps,
        logger: deps.logger.child({ channel: "zalo" }),
        reachability,
        transcriber,
      }),
    );
  }
  // The ward's Official Account runs beside the Zalo bot (either, both or neither).
  if (deps.config.ZALO_OA_APP_ID) channels.push(createZaloOaChannel({ ...deps, reachability }));
  return channels;
}

/** Keeps the channels' organizer menus in step with role changes (Telegram shows commands per chat). */
export function followRoleChanges(
  channels: readonly ChannelRuntime[],
  roles: Roles,
  identities: Identities,
): void {
  roles.onChange(async (ids, organizer) => {
    const accounts = new Set<string>();
    for (const id of ids) for (const account of await identities.accountsOf(id)) accounts.add(account);
    for (const account of accounts) {
      const { channel: name, userId } = parseAccount(account);
      const channel = channels.find((c) => c.name === name);
      await channel?.setOrganizerMenu?.(userId, organizer);
    }
  });
}
