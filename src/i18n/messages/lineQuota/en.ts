import type { Messages } from "../../catalog.ts";

/** LINE's monthly push quota, as /balance status shows it on LINE (src/adapters/line). */
export default {
  title: "LINE messages",
  sentLabel: "Push messages this month",
  sentValue: "{used, number, ::group-off} sent, no limit",
  leftLabel: "Push messages left this month",
  leftValue: "{left, number, ::group-off} of {limit, number, ::group-off}",
  usedUp:
    "⚠ The month's push quota is used up: digests and alerts wait, and new ones are refused, until the 1st or a plan upgrade.",
  nearlyUsed:
    "Fewer than 10% left: a digest or alert pushed to a group counts once per member (LINE's pricing).",
} as const satisfies Messages;
