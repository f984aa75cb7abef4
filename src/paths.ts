import { fileURLToPath } from "node:url";

/**
 * The package's root directory, whether the bot runs from its sources (src/paths.ts) or compiled
 * (dist/src/paths.js, bin/build.mjs): files beside the code (migrations/) are found from here.
 */
export const PACKAGE_ROOT = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "../" : "../../", import.meta.url),
);

/** Whether this is the compiled bot (dist/, built by `npm ci`) rather than the sources run by tsx. */
export const RUNS_COMPILED = !import.meta.url.endsWith(".ts");
