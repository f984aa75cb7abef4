import type { Messages } from "../../catalog.ts";

/** A creator account just linked, as the "connected" notice names it (src/connect/complete.ts). */
export default {
  creator: "{name} (creator account)",
} as const satisfies Messages;
