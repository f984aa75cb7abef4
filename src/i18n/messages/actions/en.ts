import type { Messages } from "../../catalog.ts";

/** Buttons under digests and alerts, and what a click answers (src/core/actions.ts). */
export default {
  breakdown: "Breakdown",
  chart: "Chart",
  payouts: "Payouts",
  snooze: "Snooze 24 h",
  mute: "Mute this rule",
  ack: "Acknowledge",
  unknownTitle: "Unknown button",
  unknown: "balance-bot does not know this button (it may have been altered). Nothing was changed.",
  notYoursTitle: "Not your workspace",
  notYours:
    "This button belongs to a message of another workspace; only its members can use it. Nothing was changed.",
  shopGoneTitle: "Shop no longer linked",
  shopGone:
    "The shop this message is about is no longer linked to this workspace, so there is nothing to show or change. Nothing was changed.",
  notAllowedTitle: "Not allowed",
  notAllowed:
    "Only a workspace admin can {action, select, snooze {snooze} other {mute}} {syncTrouble, select, yes {sync-trouble alerts} other {an alert rule}}. Nothing was changed.",
  notAllowedRule:
    "Only a workspace admin can {action, select, snooze {snooze} other {mute}} {syncTrouble, select, yes {sync-trouble alerts} other {an alert rule}} ({rule}). Nothing was changed.",
  ruleGoneTitle: "Rule removed",
  ruleGone:
    "Alert rule #{id} no longer exists (it was removed), so there is nothing to {action, select, snooze {snooze} other {mute}}. Nothing was changed.",
  alreadyTitle: "Already done",
  alreadyMuted:
    "Alert rule #{id} is already muted; /balance alerts unmute {id} turns it back on. Nothing was changed.",
  alreadySnoozed:
    "Alert rule #{id} is already snoozed until {until} UTC; /balance alerts unsnooze {id} ends it. Nothing was changed.",
  thisShop: "this shop",
  syncSnoozedTitle: "Sync trouble snoozed",
  syncMutedTitle: "Sync trouble muted",
  syncSnoozed:
    "Sync-trouble alerts of {shop} in this channel (alert #{id}) snoozed for 24 h by {user}, until {until} UTC. Undo: /balance alerts unsnooze {id}",
  syncMuted:
    "Sync-trouble alerts of {shop} in this channel (alert #{id}) muted by {user}. Turn them back on: /balance alerts unmute {id}",
  ruleSnoozedTitle: "Rule snoozed",
  ruleMutedTitle: "Rule muted",
  ruleSnoozed:
    "Alert rule #{id} snoozed for 24 h by {user}, until {until} UTC. Undo: /balance alerts unsnooze {id}",
  ruleMuted: "Alert rule #{id} muted by {user}. Turn it back on: /balance alerts unmute {id}",
  alreadyAckedTitle: "Already acknowledged",
  nothingChanged: "Nothing was changed.",
  acknowledgedShop: "Acknowledged by {user} at {time} ({shop}'s zone, {zone})",
  acknowledgedUtc: "Acknowledged by {user} at {time} (UTC)",
} as const satisfies Messages;
