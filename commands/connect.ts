import { z } from "zod";
import { type AuthorizeLink, authorizeLinks, CALLBACK_PATH, STATE_TTL_MS } from "../src/connect/links.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { reply } from "../src/core/reply.ts";
import type { MessageKey, Words } from "../src/i18n/index.ts";
import { createOAuthState } from "../src/storage/repos/oauth-states.ts";

const LINK_LABELS: Record<AuthorizeLink["for"], MessageKey> = {
  sandbox: "connect.linkSandbox",
  us: "connect.linkUs",
  global: "connect.linkGlobal",
};

const SETTINGS: Record<string, MessageKey> = {
  TIKTOK_SERVICE_ID: "connect.settingServiceId",
  TIKTOK_US_SERVICE_ID: "connect.settingUsServiceId",
  PUBLIC_URL: "connect.settingPublicUrl",
  PORT: "connect.settingPort",
};

/** A missing setting's name (what comes before ":") and its fix in the language; unknown ones as given. */
function settingNote({ t }: Words, missing: string): string {
  const key = SETTINGS[variableOf(missing)];
  return key ? t(key, { callback: `PUBLIC_URL${CALLBACK_PATH}` }) : missing;
}

const variableOf = (missing: string) => missing.split(":")[0] ?? missing;

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
    const { t, fmt } = ctx;
    const settings = ctx.callbacks.current();
    // Check the settings before storing a state: a link that cannot work must not leave one behind.
    const probe = authorizeLinks(settings, "-", args.region);
    if ("missing" in probe) {
      return reply({
        kind: "warning",
        title: t("connect.setupTitle"),
        summary: t("connect.setupSummary", {
          variables: probe.missing.map(variableOf).reduce((first, next) => t("connect.and", { first, next })),
        }),
        sections: [{ notes: probe.missing.map((m) => settingNote(ctx, m)) }],
        footer: t("connect.setupFooter"),
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
    return reply({
      kind: "info",
      title: t("connect.title"),
      summary: t("connect.summary", { links: links.length, urls: links.map((l) => l.url).join(" | ") }),
      sections: [
        {
          fields: links.map((l) => ({ label: t(LINK_LABELS[l.for]), value: l.url })),
          notes: [t("connect.noteOnce", { time: fmt.time(expiresAt, "UTC") }), t("connect.noteApproved")],
        },
      ],
      footer: ctx.sandbox ? t("connect.footerSandbox") : t("connect.footerReal"),
      ephemeral: true,
    });
  },
});
