import type { Api } from "grammy";
import { LOCALES, translator } from "../../i18n/index.ts";

/**
 * The bot's command menu (bots/api#setmycommands): commands are 1–32 characters of lowercase
 * letters, digits and underscores, descriptions 1–256 characters. Everything else is a word after
 * /balance, as in Slack and the console; help lists it. The name stays English in every language;
 * the description is the user's (a list per language_code, English for everyone else).
 */
export function telegramCommands(locale: (typeof LOCALES)[number] = "en") {
  return [{ command: "balance", description: translator(locale).t("commands.telegramMenu") }];
}

export const TELEGRAM_COMMANDS = telegramCommands();

/**
 * Publishes the command menu, once per deploy from the CLI (`balance-bot telegram-commands`),
 * never at boot: Telegram keeps it, and a restart loop must not hammer setMyCommands.
 */
export async function setTelegramCommands(api: Api): Promise<number> {
  await api.setMyCommands(telegramCommands("en"));
  // Telegram's language_code is the two-letter ISO 639-1 code, as our locales are.
  for (const locale of LOCALES.filter((l) => l !== "en"))
    await api.setMyCommands(telegramCommands(locale), { language_code: locale });
  return TELEGRAM_COMMANDS.length;
}
