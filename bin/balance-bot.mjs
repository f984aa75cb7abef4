#!/usr/bin/env -S node --max-semi-space-size=1
// Runs the TypeScript sources directly through tsx, so `npx balance-bot …` works right after
// `npm ci` with no build step. The small young generation keeps an idle bot's resident memory
// low (measured ~240 → ~165 MiB with Slack and Discord connected); npm start and the Dockerfile
// pass the same flag.
import { register } from "tsx/esm/api";

register();
const { runMain } = await import("../src/cli/main.ts");
runMain(process.argv.slice(2));
