import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import type { ImportedExport } from "../src/core/importer.ts";
import { reply } from "../src/core/reply.ts";
import type { Words } from "../src/i18n/index.ts";

const SHOWN_PROBLEMS = 15;

/** What else the import did or assumed: withdrawals stored, a CSV's encoding, the zone of its times. */
function importNotes({ t }: Words, s: ImportedExport): string[] {
  const notes: string[] = [];
  if (s.withdrawals > 0) notes.push(t("imports.noteWithdrawals", { count: s.withdrawals }));
  if (s.encoding)
    notes.push(
      s.encoding.endsWith("not UTF-8")
        ? t("imports.noteLegacyEncoding", { encoding: s.encoding })
        : t("imports.noteEncoding", { encoding: s.encoding }),
    );
  if (s.readZoneSource !== "shop") {
    const source = s.readZoneSource === "reports sheet" ? "sheet" : s.readZoneSource;
    notes.push(t("imports.noteZone", { zone: s.readZone, source }));
  }
  return notes;
}

export default defineCommand({
  name: "import",
  description: "Import a Seller Center statement export (CSV/XLSX) into a shop of this workspace",
  example: "/balance import income-2026-06.xlsx shop:mystore",
  admin: true,
  options: z.object({
    file: z
      .string()
      .min(1)
      .max(500)
      .meta({ kind: "attachment", description: "The export (CSV or XLSX) from Seller Center → Finance" }),
    shop: z
      .string()
      .max(60)
      .optional()
      .meta({ named: true, kind: "text", description: "Shop to import into (default: the file's name)" }),
  }),
  async run(ctx, args) {
    const { t } = ctx;
    // The adapter hands over the bytes (a download, a local file) or says why it cannot.
    if (!ctx.invocation.attachments) throw new UserError(t("imports.needsFile"));
    const file = await ctx.invocation.attachments.open(args.file, ctx.importer.maxBytes);
    const { name } = file;
    const outcome = await ctx.importer.importExport({
      file,
      shopName: args.shop,
      workspaceId: ctx.scope.workspaceId,
      now: ctx.now,
    });
    if (outcome.ok) {
      const { summary } = outcome;
      const notes = importNotes(ctx, summary);
      return reply({
        kind: "success",
        title: t("imports.title", { file: name }),
        summary: t("imports.summary", {
          rows: summary.rows,
          newRows: summary.newRows,
          shop: summary.shop,
          currency: summary.currency,
          zone: summary.timezone,
          days: summary.days,
          first: summary.firstDay ?? "—",
          last: summary.lastDay ?? "—",
          period: summary.firstDay && summary.lastDay ? `${summary.firstDay}..${summary.lastDay}` : "30d",
        }),
        sections: notes.length ? [{ notes }] : [],
        ephemeral: true,
      });
    }
    const problems = outcome.problems(ctx);
    const message = outcome.message(ctx);
    return reply({
      kind: "error",
      title: t("imports.failedTitle"),
      summary: problems.length
        ? t("imports.failedSummary", {
            message,
            problems: [...problems.slice(0, 3), ...(problems.length > 3 ? ["…"] : [])].join("; "),
          })
        : message,
      sections: problems.length
        ? [
            {
              notes: [
                ...problems.slice(0, SHOWN_PROBLEMS),
                ...(problems.length > SHOWN_PROBLEMS
                  ? [t("imports.more", { count: problems.length - SHOWN_PROBLEMS })]
                  : []),
                t("imports.fixRows"),
              ],
            },
          ]
        : [],
      ephemeral: true,
    });
  },
});
