import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { reply } from "../src/core/reply.ts";

const SHOWN_PROBLEMS = 15;

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
    // The adapter hands over the bytes (a download, a local file) or says why it cannot.
    if (!ctx.invocation.attachments)
      throw new UserError("attach the export file to the command's file option");
    const file = await ctx.invocation.attachments.open(args.file, ctx.importer.maxBytes);
    const { name } = file;
    const outcome = await ctx.importer.importExport({
      file,
      shopName: args.shop,
      workspaceId: ctx.scope.workspaceId,
      now: ctx.now,
    });
    if (outcome.ok) {
      const { summary, notes } = outcome;
      return reply({
        kind: "success",
        title: `Imported ${name}`,
        summary: `${summary.rows} rows (${summary.newRows} new) into shop "${summary.shop}" (${summary.currency}, days in ${summary.timezone}): ${summary.days} days, ${summary.firstDay ?? "—"} to ${summary.lastDay ?? "—"}. Try /balance earnings ${summary.firstDay && summary.lastDay ? `${summary.firstDay}..${summary.lastDay}` : "30d"} shop:${summary.shop}`,
        sections: notes.length ? [{ notes }] : [],
        ephemeral: true,
      });
    }
    const { problems } = outcome;
    return reply({
      kind: "error",
      title: "Nothing was imported",
      summary: `${outcome.message}${problems.length ? `: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; …" : ""}` : ""}`,
      sections: problems.length
        ? [
            {
              notes: [
                ...problems.slice(0, SHOWN_PROBLEMS),
                ...(problems.length > SHOWN_PROBLEMS
                  ? [`…and ${problems.length - SHOWN_PROBLEMS} more`]
                  : []),
                "Fix these rows in the spreadsheet and import the file again.",
              ],
            },
          ]
        : [],
      ephemeral: true,
    });
  },
});
