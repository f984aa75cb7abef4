import type { Messages } from "../../catalog.ts";

/** Picking the shop a command is about (`shop:<name>`), and a shop not synced yet. */
export default {
  noShopLinked:
    "no shop is linked to this workspace yet; an admin can connect one (see README: connecting a shop)",
  matchesSeveral: '"{shown}" matches {count, plural, one {# shop} other {# shops}}; type {tokens}',
  noMatch: 'no linked shop matches "{shown}"; type {tokens}',
  notSynced: "{shop} has not been synced yet; try again after the first sync",
  oneNeeded: "this workspace has {count, plural, one {# shop} other {# shops}}; add {tokens}",
} as const satisfies Messages;
