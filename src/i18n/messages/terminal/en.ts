import type { Messages } from "../../catalog.ts";

/** The console's own line prefixes (src/adapters/console/render.ts), in the console's locale (LC_ALL/LANG). */
export default {
  error: "Error: {message}",
  chart: "Chart: {path}",
} as const satisfies Messages;
