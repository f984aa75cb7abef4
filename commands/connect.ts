import { DateTime } from "luxon";
import { z } from "zod";
import { authorizeLinks, STATE_TTL_MS } from "../src/connect/links.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { reply } from "../src/core/reply.ts";
import { createOAuthState } from "../src/storage/repos/oauth-states.ts";

export default defineCommand({
  name: "connect",
  description: "Link a TikTok Shop to this workspace: a one-time authorization link for the shop owner",
  example: "/balance connect",
  admin: true,
  options: z.object({
    region: z
      .enum(["us", "global"])
      .optional()
      .meta({ named: true, description: "Only the link for US sellers (us) or everyone else (global)" }),
  }),
  async run(ctx, args) {
    const settings = ctx.callbacks.current();
    // Check the settings before storing a state: a link that cannot work must not leave one behind.
    const probe = authorizeLinks(settings, "-", args.region);
    if ("missing" in probe) {
      return reply({
        kind: "warning",
        title: "Connecting a real shop needs setup",
        summary: `Set ${probe.missing.map((m) => m.split(":")[0]).join(" and ")}, then restart balance-bot and run /balance connect again.`,
        sections: [{ notes: probe.missing }],
        footer: "see README: Connecting a real shop",
        ephemeral: true,
      });
    }
    const expiresAt = new Date(ctx.now.getTime() + STATE_TTL_MS);
    const state = await createOAuthState(ctx.db, {
      workspaceId: ctx.scope.workspaceId,
      platform: ctx.invocation.platform,
      channel: ctx.invocation.channelId,
      createdBy: ctx.invocation.userId,
      expiresAt,
    });
    const made = authorizeLinks(settings, state, args.region);
    const links = "links" in made ? made.links : [];
    const until = DateTime.fromJSDate(expiresAt, { zone: "UTC" }).toFormat("HH:mm 'UTC'");
    return reply({
      kind: "info",
      title: "Connect a TikTok Shop",
      summary: `Open ${links.length === 1 ? "this link" : "the link for your region"} as the shop owner and approve balance-bot: ${links.map((l) => l.url).join(" | ")}`,
      sections: [
        {
          fields: links.map((l) => ({ label: l.label, value: l.url })),
          notes: [
            `The link works once and expires in 30 minutes (${until}).`,
            "When the owner approves, this channel gets a confirmation and the shops appear in /balance shops.",
          ],
        },
      ],
      footer: ctx.sandbox ? "sandbox shop · no real store is touched" : "TikTok Shop authorization",
      ephemeral: true,
    });
  },
});
