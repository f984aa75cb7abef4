import type { Messages } from "../../catalog.ts";

/** `/balance digest on|off|time|tz|preview` (the digest itself is the area "digest"). */
export default {
  state:
    "{on, select, yes {on} other {off}}, at {time} {chosen, select, yes {{zone}} other {{zone} (default)}}",
  stateOff: "off",
  savedTitle: "Digest settings saved",
  savedSummary: "Daily digest in this channel: {state}.",
  badTime: "is not a time; use 24-hour HH:MM such as 09:00 or 17:30",
  badZone: '"{zone}" is not a time zone; use Area/City such as America/New_York or Asia/Jakarta',
  noShop: "no shop is linked to this workspace yet",
  previewTitle: "{title} (preview)",
  previewFooter: "{footer} · digest is {state}",
} as const satisfies Messages;
