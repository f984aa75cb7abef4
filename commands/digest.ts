import { z } from "zod";
import { requireCanPost } from "../src/core/channel-access.ts";
import type { CommandContext } from "../src/core/define-command.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { badOptionValue } from "../src/core/option-error.ts";
import { isTimeZone } from "../src/core/periods.ts";
import { type Reply, reply } from "../src/core/reply.ts";
import { buildDigest } from "../src/digests/build.ts";
import type { Words } from "../src/i18n/index.ts";
import { type ChannelRow, readChannel, updateDigestSettings } from "../src/storage/repos/settings.ts";

function describe({ t }: Words, channel: ChannelRow, fallbackZone: string): string {
  return t("digestSettings.state", {
    on: channel.digestEnabled ? "yes" : "no",
    time: channel.digestTime,
    chosen: channel.digestZone ? "yes" : "no",
    zone: channel.digestZone ?? fallbackZone,
  });
}

function zoneOf(ctx: CommandContext, channel: ChannelRow): string {
  return channel.digestZone ?? ctx.scope.shops[0]?.timezone ?? "UTC";
}

async function confirm(
  ctx: CommandContext,
  settings: Parameters<typeof updateDigestSettings>[2],
  note?: string,
): Promise<Reply> {
  const channel = await updateDigestSettings(ctx.db, ctx.scope.channelId, settings);
  return reply({
    kind: "success",
    title: ctx.t("digestSettings.savedTitle"),
    summary: [
      note,
      ctx.t("digestSettings.savedSummary", { state: describe(ctx, channel, zoneOf(ctx, channel)) }),
    ]
      .filter(Boolean)
      .join(" "),
    ephemeral: true,
  });
}

export const digestOn = defineCommand({
  name: "digest on",
  description: "Post a daily earnings digest in this channel",
  example: "/balance digest on",
  admin: true,
  options: z.object({}),
  async run(ctx) {
    // Checked where it will be used: a digest the bot cannot post would only fail tomorrow.
    const note = await requireCanPost(ctx, "digest");
    return confirm(ctx, { digestEnabled: true }, note);
  },
});

export const digestOff = defineCommand({
  name: "digest off",
  description: "Stop the daily digest in this channel",
  example: "/balance digest off",
  admin: true,
  options: z.object({}),
  run: (ctx) => confirm(ctx, { digestEnabled: false }),
});

export const digestTime = defineCommand({
  name: "digest time",
  description: "Local time of the daily digest (24-hour HH:MM)",
  example: "/balance digest time 09:00",
  admin: true,
  options: z.object({
    time: z
      .string()
      .meta({ kind: "time", placeholder: "HH:MM", description: "24-hour local time, e.g. 09:00" }),
  }),
  run(ctx, args) {
    // Checked here, not by the schema, so the problem is said in the asker's language.
    if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(args.time))
      throw badOptionValue(ctx, digestTime, "time", args.time, ctx.t("digestSettings.badTime"));
    return confirm(ctx, { digestTime: args.time.padStart(5, "0") });
  },
});

export const digestZone = defineCommand({
  name: "digest tz",
  description: "Time zone of the daily digest (IANA, e.g. America/New_York)",
  example: "/balance digest tz America/New_York",
  admin: true,
  options: z.object({
    zone: z
      .string()
      .max(64)
      .meta({ kind: "zone", placeholder: "Area/City", description: "IANA zone, e.g. Europe/Berlin" }),
  }),
  async run(ctx, args) {
    const zone =
      Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === args.zone.toLowerCase()) ??
      args.zone;
    if (!isTimeZone(zone) || (!zone.includes("/") && zone !== "UTC")) {
      throw new UserError(ctx.t("digestSettings.badZone", { zone: args.zone.slice(0, 40) }));
    }
    return confirm(ctx, { digestZone: zone });
  },
});

export const digestPreview = defineCommand({
  name: "digest preview",
  description: "Show this channel's daily digest now",
  example: "/balance digest preview",
  options: z.object({}),
  async run(ctx) {
    const channel = await readChannel(ctx.db, ctx.scope.channelId);
    if (ctx.scope.shops.length === 0) throw new UserError(ctx.t("digestSettings.noShop"));
    const digest = await buildDigest({
      db: ctx.db,
      charts: ctx.charts,
      now: ctx.now,
      sandbox: ctx.sandbox,
      workspaceId: ctx.scope.workspaceId,
      shops: ctx.scope.shops,
      zone: channel ? zoneOf(ctx, channel) : "UTC",
      since: null,
      locale: ctx.locale,
    });
    return {
      ...digest,
      title: ctx.t("digestSettings.previewTitle", { title: digest.title }),
      notes: undefined,
      footer: ctx.t("digestSettings.previewFooter", {
        footer: digest.footer ?? "",
        state: channel ? describe(ctx, channel, zoneOf(ctx, channel)) : ctx.t("digestSettings.stateOff"),
      }),
    } as Reply;
  },
});
