import type { ChartRenderer } from "../charts/port.ts";
import type { Platform } from "../core/invocation.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../storage/database.ts";
import { claimDue, markParked, markRetry, markSent, type OutboxRow } from "../storage/repos/outbox.ts";
import { type DeliveryPayload, fromPayload } from "./payload.ts";
import { DeliveryError, type DeliveryPort } from "./port.ts";

export interface DrainDeps {
  db: Db;
  ports: Partial<Record<Platform, DeliveryPort>>;
  charts: ChartRenderer;
  clock: () => Date;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainOptions {
  /** Rows claimed per round (each round sends at most one message per channel). */
  batch?: number;
  /** A claimed row is leased this long; a worker that dies mid-send frees it after the lease. */
  leaseMs?: number;
  /** Minimum gap between two posts to one channel (Slack allows about one per second). */
  channelGapMs?: number;
  /** Attempts before a row is parked. */
  maxAttempts?: number;
  /** Stop after this many rounds (a drain is bounded; the next tick continues). */
  maxRounds?: number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  parked: number;
}

const lastPostAt = new Map<string, number>();

/**
 * Sends what is due: claims (SKIP LOCKED, oldest per channel first), checks the platform for an
 * earlier send of a re-claimed row, posts once, records the message id. Rate limits wait for
 * Retry-After; transient failures back off; permanent ones are parked with the reason.
 */
export async function drainOutbox(deps: DrainDeps, options: DrainOptions = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, parked: 0 };
  const platforms = Object.keys(deps.ports);
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const gap = options.channelGapMs ?? 1000;
  for (let round = 0; round < (options.maxRounds ?? 50); round++) {
    const rows = await claimDue(deps.db, {
      now: deps.clock(),
      limit: options.batch ?? 50,
      leaseMs: options.leaseMs ?? 60_000,
      platforms,
    });
    if (rows.length === 0) break;
    // Different channels go out in parallel; one channel's rows are serial (one per round).
    await Promise.all(
      rows.map(async (row) => {
        const key = `${row.platform}:${row.channel}`;
        const wait = (lastPostAt.get(key) ?? 0) + gap - Date.now();
        if (wait > 0) await sleep(wait);
        const outcome = await deliverOne(deps, row, options.maxAttempts ?? 8);
        lastPostAt.set(key, Date.now());
        result[outcome] += 1;
      }),
    );
  }
  return result;
}

async function deliverOne(deps: DrainDeps, row: OutboxRow, maxAttempts: number): Promise<keyof DrainResult> {
  const port = deps.ports[row.platform as Platform];
  const log = deps.log.child({ correlationId: row.dedupeKey, outboxId: row.id, platform: row.platform });
  if (!port) return "retried";
  try {
    // A row claimed before may have been sent just before a crash: look before posting again.
    if (row.attempts > 1 && port.findPosted) {
      const existing = await port.findPosted(row.channel, row.dedupeKey);
      if (existing) {
        await markSent(deps.db, row.id, existing, deps.clock());
        log.info({ messageId: existing }, "delivery found already posted");
        return "sent";
      }
    }
    const payload = row.payload as unknown as DeliveryPayload;
    const png = payload.chart ? await deps.charts.render(payload.chart.spec) : undefined;
    const { messageId } = await port.post(row.channel, fromPayload(payload, png), {
      dedupeKey: row.dedupeKey,
    });
    await markSent(deps.db, row.id, messageId, deps.clock());
    log.info({ messageId, kind: row.kind }, "delivered");
    return "sent";
  } catch (error) {
    const now = deps.clock().getTime();
    const typed = error instanceof DeliveryError ? error : undefined;
    const reason = typed
      ? `${typed.kind}: ${typed.message}${typed.options.adminHint ? ` (${typed.options.adminHint})` : ""}`
      : String((error as Error)?.message ?? error);
    if ((typed?.permanent ?? false) || row.attempts >= maxAttempts) {
      await markParked(deps.db, row.id, reason);
      log.warn({ reason, attempts: row.attempts }, "delivery parked");
      return "parked";
    }
    const backoff =
      typed?.options.retryAfterMs ??
      Math.min(2 ** row.attempts * 1000, 5 * 60_000) * (0.5 + Math.random() / 2);
    await markRetry(deps.db, row.id, reason, new Date(now + backoff));
    log.warn({ reason, retryInMs: Math.round(backoff) }, "delivery will be retried");
    return "retried";
  }
}
