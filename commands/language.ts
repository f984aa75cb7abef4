import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { localeOf } from "../src/core/dispatcher.ts";
import { Forbidden, UserError } from "../src/core/errors.ts";
import { reply } from "../src/core/reply.ts";
import { isLocale, LOCALES, NATIVE_NAMES, translator } from "../src/i18n/index.ts";
import { setWorkspaceLanguage } from "../src/storage/repos/workspaces.ts";

/** "auto": no choice, each reply in the asker's platform language. */
const CODES = [...LOCALES, "auto"] as const;

export default defineCommand({
  name: "language",
  // Short: Discord counts every description of /balance against one 8,000-character budget (the longest localization of each counts).
  description: "Reply language",
  example: "/balance language id",
  options: z.object({
    // A plain string, not an enum: Discord's choices would cost the budget above.
    code: z
      .string()
      .max(20)
      .optional()
      .meta({ description: "en, id, vi, th or auto", placeholder: "en|id|vi|th|auto" }),
  }),
  async run(ctx, args) {
    if (!args.code) {
      const { t } = ctx;
      const chosen = isLocale(ctx.scope.language) ? ctx.scope.language : undefined;
      return reply({
        kind: "info",
        title: t("language.title"),
        summary: chosen
          ? t("language.chosen", { name: NATIVE_NAMES[chosen] })
          : t("language.auto", { name: NATIVE_NAMES[ctx.locale] }),
        sections: [
          {
            table: {
              columns: [{ label: t("language.columnCode") }, { label: t("language.columnLanguage") }],
              rows: LOCALES.map((l) => [
                l,
                l === ctx.locale ? `${NATIVE_NAMES[l]} (${t("language.current")})` : NATIVE_NAMES[l],
              ]),
            },
            notes: [t("language.howTo")],
          },
        ],
        ephemeral: true,
      });
    }
    const code = args.code.trim().toLowerCase();
    if (!(CODES as readonly string[]).includes(code))
      throw new UserError(
        ctx.t("language.unknownCode", { code: args.code.slice(0, 20), choices: CODES.join(", ") }),
      );
    // Anyone may see the language; only an admin changes it (a setting of the whole workspace).
    if (!ctx.invocation.isAdmin) throw new Forbidden(ctx.t("language.forbidden"));
    const language = code === "auto" || !isLocale(code) ? null : code;
    await setWorkspaceLanguage(ctx.db, ctx.scope.workspaceId, language);
    // Confirmed in the language just chosen (or, back on auto, the asker's own).
    const locale = localeOf({ language }, ctx.invocation);
    const { t } = translator(locale);
    const name = NATIVE_NAMES[locale];
    return reply({
      kind: "success",
      title: language ? t("language.setTitle", { name }) : t("language.autoTitle"),
      summary: language ? t("language.setSummary", { name }) : t("language.autoSummary"),
      sections: [],
      ephemeral: true,
    });
  },
});
