/**
 * Runs the sandbox shop in its own process (as a remote TikTok API would be), so its page
 * generation does not share the event loop of the sync being measured. Prints one JSON line
 * `{ url, appKey, appSecret, tokens }` on stdout, then serves until killed.
 * On SIGTERM it prints one more line, `{ requestsByApi, throttled }`, before it exits.
 * Usage: run-ts.mjs bench/lib/sandbox-child.ts <ordersPerDay> <historyDays> [qps] [shops]
 */
import { startSandboxShop } from "../../src/providers/sandbox/index.ts";

const [ordersPerDay, historyDays, qps, shops] = process.argv.slice(2).map(Number);
const sandbox = await startSandboxShop({
  ...(ordersPerDay ? { ordersPerDay } : {}),
  ...(historyDays ? { historyDays } : {}),
  ...(qps ? { qps } : {}),
  ...(shops ? { shops } : {}),
});
const tokens = sandbox.bootstrapTokens();
process.stdout.write(
  `${JSON.stringify({ url: sandbox.url, appKey: sandbox.appKey, appSecret: sandbox.appSecret, tokens })}\n`,
);
process.on("SIGTERM", () => {
  process.stdout.write(
    `${JSON.stringify({ requestsByApi: sandbox.requestsByApi(), throttled: sandbox.throttled() })}\n`,
  );
  void sandbox.close().finally(() => process.exit(0));
});
