import type { Message, UserFromGetMe } from "grammy/types";

/**
 * For a group message: the text meant for the bot, or null when the bot was not addressed.
 * Addressed means an @mention of the bot (or a text_mention of it), a leading /command that is either
 * bare or suffixed with this bot's username, or a reply to one of the bot's own messages (Telegram
 * delivers those even in privacy mode). Mentions of the bot are removed from the returned text.
 */
export function addressedText(message: Message, me: UserFromGetMe): string | null {
  const text = message.text;
  if (!text) return null;
  const username = me.username.toLowerCase();
  const entities = message.entities ?? [];
  const ours = entities.filter((e) => {
    const piece = text.slice(e.offset, e.offset + e.length);
    if (e.type === "mention") return piece.toLowerCase() === `@${username}`;
    if (e.type === "text_mention") return e.user.id === me.id;
    return false;
  });
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  const target = command ? text.slice(0, command.length).split("@")[1] : undefined;
  const commanded = command !== undefined && (target === undefined || target.toLowerCase() === username);
  if (command && target !== undefined && !commanded) return null; // a command for another bot
  if (!commanded && ours.length === 0 && !repliesToBot(message, me)) return null;

  let rest = text;
  for (const e of [...ours].sort((a, b) => b.offset - a.offset)) {
    if (e.type === "text_mention") continue; // the name itself is ordinary text
    rest = `${rest.slice(0, e.offset)} ${rest.slice(e.offset + e.length)}`;
  }
  return rest
    .replace(/[ \t]{2,}/g, " ")
    .replace(/^[\s,.:;!-]+/, "")
    .trim();
}

/**
 * A reply to one of the bot's messages. In a forum topic every message "replies" to the topic's first
 * service message, which is not the person answering the bot.
 */
function repliesToBot(message: Message, me: UserFromGetMe): boolean {
  const original = message.reply_to_message;
  if (!original || original.forum_topic_created) return false;
  return original.from?.id === me.id;
}
