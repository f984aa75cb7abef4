import type { Api } from "grammy";

/**
 * The bot's command menu (bots/api#setmycommands): commands are 1–32 characters of lowercase
 * letters, digits and underscores, descriptions 1–256 characters. Everything else is a word after
 * /balance, as in Slack and the console; help lists it.
 */
export const TELEGRAM_COMMANDS = [
  {
    command: "balance",
    description: "TikTok Shop money: /balance, earnings 7d, payouts, chart 30d, breakdown, help",
  },
] as const;

/**
 * Publishes the command menu, once per deploy from the CLI (`balance-bot telegram-commands`),
 * never at boot: Telegram keeps it, and a restart loop must not hammer setMyCommands.
 */
export async function setTelegramCommands(api: Api): Promise<number> {
  await api.setMyCommands([...TELEGRAM_COMMANDS]);
  return TELEGRAM_COMMANDS.length;
}
