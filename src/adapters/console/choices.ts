import type { ReplyAction } from "../../core/reply.ts";
import { type Locale, translator } from "../../i18n/index.ts";

/**
 * The console's buttons: each one gets a number for this session, shown under its message as
 * `1) Breakdown  2) Chart …`; typing the number clicks it. Numbers keep counting up, so a choice
 * printed earlier still means the same button after later messages.
 */
export class ConsoleChoices {
  private next = 1;
  private readonly tokens = new Map<number, string>();

  /** Numbers the actions and returns the line to print under the message ("" when none), in its language. */
  offer(actions: readonly ReplyAction[] | undefined, locale: Locale = "en"): string {
    if (!actions || actions.length === 0) return "";
    const items = actions.map((a) => {
      const n = this.next++;
      this.tokens.set(n, a.id);
      return `${n}) ${a.label}`;
    });
    return translator(locale).t("chrome.consoleChoose", { choices: items.join("  ") });
  }

  /** The token behind a typed number, if the line is one that was offered. */
  take(line: string): string | undefined {
    if (!/^\d{1,6}$/.test(line)) return undefined;
    return this.tokens.get(Number(line));
  }
}

/** The console session's one board (the outbox's console port and the input loop share it). */
export const consoleChoices = new ConsoleChoices();
