/**
 * Prometheus metrics (prom-client), served at GET /metrics. Call sites use the three helpers
 * below; gauges read from the database (outbox depth, token expiry) are refreshed at scrape time
 * by the HTTP route, so no background timer holds a database handle.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The process's registry (not prom-client's global one, so tests and libraries can't collide). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "balance_bot_" });

const commandSeconds = new Histogram({
  name: "balance_bot_command_duration_seconds",
  help: "Time to answer a /balance command, by command and platform",
  labelNames: ["command", "platform"] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
  registers: [registry],
});

const syncSeconds = new Histogram({
  name: "balance_bot_sync_duration_seconds",
  help: "Time to sync one shop",
  labelNames: ["shop"] as const,
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

const syncErrors = new Counter({
  name: "balance_bot_sync_errors_total",
  help: "Failed sync steps, by shop and upstream error code",
  labelNames: ["shop", "code"] as const,
  registers: [registry],
});

/** Set at scrape time from the database. */
export const outboxDepthGauge = new Gauge({
  name: "balance_bot_outbox_depth",
  help: "Messages waiting in the outbox (pending or being sent)",
  registers: [registry],
});

const deliveryAttempts = new Counter({
  name: "balance_bot_delivery_attempts_total",
  help: "Attempts to post an outbox message, by platform",
  labelNames: ["platform"] as const,
  registers: [registry],
});

const deliveryFailures = new Counter({
  name: "balance_bot_delivery_failures_total",
  help: "Failed attempts to post an outbox message, by platform",
  labelNames: ["platform"] as const,
  registers: [registry],
});

/** Set at scrape time from the database. */
export const tokenExpiryGauge = new Gauge({
  name: "balance_bot_token_expiry_timestamp_seconds",
  help: "When a shop's TikTok token expires (Unix seconds), by shop and token (access, refresh)",
  labelNames: ["shop", "token"] as const,
  registers: [registry],
});

/** Records one answered command; `ms` is the time from receipt to reply. */
export function observeCommand(command: string, platform: string, ms: number): void {
  commandSeconds.observe({ command: command || "balance", platform }, ms / 1000);
}

/** Records one shop's sync: its duration and one error per failed step, by upstream code. */
export function observeSync(
  report: { shop: string; errors: readonly { code?: string | undefined }[] },
  ms: number,
): void {
  syncSeconds.observe({ shop: report.shop }, ms / 1000);
  for (const error of report.errors) syncErrors.inc({ shop: report.shop, code: error.code ?? "none" });
}

/** Records one delivery attempt to a chat platform, and whether it failed. */
export function countDelivery(platform: string, ok: boolean): void {
  deliveryAttempts.inc({ platform });
  if (!ok) deliveryFailures.inc({ platform });
}

const poisoned = new Counter({
  name: "balance_bot_poisoned_items_total",
  help: "Rows skipped by a job because they could not be used (a malformed outbox payload or event, a broken rule or digest setting), by where they were found",
  labelNames: ["where"] as const,
  registers: [registry],
});

/** Where a poisoned row was met: each is logged, counted here and skipped; the rest carry on. */
export type PoisonedAt = "outbox" | "event" | "rule" | "goal" | "sync_trouble" | "digest";

/** Counts one row a job skipped because it could not be used. */
export function countPoisoned(where: PoisonedAt): void {
  poisoned.inc({ where });
}

const parkedGauge = new Gauge({
  name: "balance_bot_parked_items",
  help: "Items parked with a reason, by item (message, event, rule) and reason; /balance status lists them per workspace",
  labelNames: ["item", "reason"] as const,
  registers: [registry],
});

/** Sets the parked gauge at scrape time from the database's counts (the reason cut to 120 characters). */
export function setParked(counts: readonly { item: string; reason: string; n: number }[]): void {
  parkedGauge.reset();
  for (const c of counts) parkedGauge.inc({ item: c.item, reason: c.reason.slice(0, 120) }, c.n);
}
