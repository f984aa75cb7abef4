import type { Messages } from "../../catalog.ts";

/** The adapters' own words: what a platform's limits cut from a reply, the console's choices. */
export default {
  moreSections: "…and {count, plural, one {# more section} other {# more sections}}",
  moreRows: "…and {count, plural, one {# more row} other {# more rows}}",
  moreNotes: "…and {count, plural, one {# more note} other {# more notes}}",
  slackMoreBlocks: "…and {count} more not shown (Slack shows {max} blocks at most)",
  telegramMoreSections:
    "…{count, plural, one {# more section} other {# more sections}} cut to fit Telegram's message limit.",
  telegramMoreLines:
    "…{count, plural, one {# more line} other {# more lines}} cut to fit Telegram's 4096 characters.",
  lineMoreSections: "…{count} more sections not shown in LINE",
  lineMoreCharts:
    "…{count, plural, one {# more chart} other {# more charts}} not sent (LINE takes 5 messages at once)",
  lineMoreRows: "…and {count} more rows",
  lineMoreLines: "…{count} more lines cut to fit LINE's message size",
  chartAttached: ":bar_chart: Chart attached: {alt}",
  homeOpen: "Open in channel",
  homeDigests: "Daily digests",
  homeNoDigest: "No channel has a digest yet: an admin runs `/balance digest on` in one.",
  homeDigestSetting: "{channel} · {enabled, select, yes {on} other {off}}, at {time} {zone}",
  homeDigestSettingDefault: "{channel} · {enabled, select, yes {on} other {off}}, at {time} {zone} (default)",
  homeMoreChannels: "and {count} more channels",
  homeNoAlerts: "No alerts yet.",
  discordButtonsInServer: "These buttons work in a server channel.",
  discordUseInServer: "Use /balance in a server channel.",
  discordOutOfDate: "This command is out of date. Ask an admin to run `balance-bot register-commands`.",
  consoleChoose: "{choices}  — type a number to choose",
} as const satisfies Messages;
