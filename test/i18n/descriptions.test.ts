import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { describeIn } from "../../src/core/define-command.ts";
import { LOCALES, messageSource, translator } from "../../src/i18n/index.ts";

describe("command descriptions", () => {
  it.each(commands.map((c) => [c.name || "balance", c] as const))(
    "%s has one in every language",
    (name, command) => {
      const key = `commands.describe ${name}`;
      // The English catalog says what the definition says (help, Slack, Discord agree).
      expect(messageSource("en", key)).toBe(command.description);
      for (const locale of LOCALES) {
        const described = describeIn(translator(locale), command);
        expect(described.length, `${name} in ${locale}`).toBeGreaterThan(0);
        // Discord cuts a description over 100 characters with "…" (its limit; Telegram's is 256).
        expect(described.length, `${name} in ${locale}: ${described}`).toBeLessThanOrEqual(100);
        if (locale !== "en") expect(described, `${name} in ${locale}`).not.toBe(command.description);
      }
    },
  );
});
