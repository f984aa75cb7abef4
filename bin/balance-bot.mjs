#!/usr/bin/env -S node --max-semi-space-size=1
// The bot's command line. It runs the compiled JavaScript in dist/ that `npm ci` builds
// (bin/build.mjs), or the TypeScript sources through tsx when there is no build or a source is
// newer than it (bin/compiled.mjs), so an edit is never run from a stale build. The small young
// generation keeps an idle bot's resident memory low (measured ~240 → ~165 MiB with Slack and
// Discord connected); npm start and the Dockerfile pass the same flag.
import { compiledEntry } from "./compiled.mjs";

const compiled = compiledEntry("src/cli/main.js");
let main;
if (compiled) {
  main = await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  main = await import("../src/cli/main.ts");
}
main.runMain(process.argv.slice(2));
