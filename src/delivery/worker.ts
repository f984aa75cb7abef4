import { rememberedWorkspaceLocale } from "../alerts/locale.ts";
import type { ChartRenderer } from "../charts/port.ts";
import { rememberDrawings } from "../charts/remembered.ts";
import { buttonOf } from "../core/actions.ts";
import type { Platform } from "../core/invocation.ts";
import type { Logger } from "../log.ts";
import { countDelivery, countPoisoned } from "../metrics.ts";
import type { Db } from "../storage/database.ts";
import { mintActionTokens } from "../storage/repos/actions.ts";
import {
  claimDue,
  markParked,
  markRetry,
  markSentMany,
  type OutboxRow,
  type SentMark,
} from "../storage/repos/outbox.ts";
import { platformEnum } from "../storage/schema/index.ts";
import { fromView, intentsOf, parseView } from "./payload.ts";
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
  /** Posts per second per platform, all channels together (Discord: 50/s global). */
  platformRate?: Partial<Record<Platform, number>>;
  /** Failed attempts before a row is parked (rate limits don't count: they are not failures). */
  maxAttempts?: number;
  /** Stop after this many rounds (a drain is bounded; the next tick continues). */
  maxRounds?: number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  parked: number;
}

/** Discord's global limit is 50 requests/s, Telegram's about 30 messages/s (Bots FAQ); stay under both. */
const DEFAULT_PLATFORM_RATE: Partial<Record<Platform, number>> = { discord: 49, telegram: 25 };
/** Pacing state lives with each port (one per platform connection), across drains. */
interface Pacing {
  nextSlot: number;
  pausedUntil: number;
  lastPostAt: Map<string, number>;
}
const pacings = new WeakMap<DeliveryPort, Pacing>();
function pacingOf(port: DeliveryPort): Pacing {
  let pacing = pacings.get(port);
  if (!pacing) {
    pacing = { nextSlot: 0, pausedUntil: 0, lastPostAt: new Map() };
    pacings.set(port, pacing);
  }
  return pacing;
}

/**
 * Records sends in batches (group commit): while one batch is written, the next gathers, and each
 * caller resumes once its own row is recorded. A crash before the write leaves the row "sending"
 * under its lease; the next claim finds the message through the platform (findPosted).
 */
function sentRecorder(db: Db): (mark: SentMark) => Promise<void> {
  const queue: { mark: SentMark; done: (error?: unknown) => void }[] = [];
  let writing = false;
  async function write(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0);
      const error = await markSentMany(
        db,
        batch.map((b) => b.mark),
      ).then(
        () => undefined,
        (e: unknown) => e ?? new Error("recording sent rows failed"),
      );
      for (const b of batch) b.done(error);
    }
    writing = false;
  }
  return (mark) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ mark, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!writing) void write();
    });
}

/**
 * Sends what is due: claims (SKIP LOCKED, oldest per channel first), checks the platform for an
 * earlier send of a re-claimed row, posts once, records the message id. A rate limit pauses the
 * whole platform until Retry-After and costs the row no attempt; transient failures back off;
 * permanent ones are parked with the reason.
 */
export async function drainOutbox(deps: DrainDeps, options: DrainOptions = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, parked: 0 };
  const platforms = platformEnum.enumValues.filter((p) => deps.ports[p]);
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const gap = options.channelGapMs ?? 1000;
  const rates = { ...DEFAULT_PLATFORM_RATE, ...options.platformRate };
  const recordSent = sentRecorder(deps.db);
  const capacity = options.batch ?? 200;

  async function send(row: OutboxRow): Promise<void> {
    const port = deps.ports[row.platform];
    if (!port) return;
    const pacing = pacingOf(port);
    const rate = rates[row.platform];
    // Reserve this row's platform slot before waiting, so parallel rows queue up evenly.
    const slot = rate ? Math.max(pacing.nextSlot, Date.now()) : Date.now();
    if (rate) pacing.nextSlot = slot + 1000 / rate;
    const start = Math.max(slot, (pacing.lastPostAt.get(row.channel) ?? 0) + gap);
    if (start > Date.now()) await sleep(start - Date.now());
    // The pause is kept on the injected clock (Retry-After is about the platform's time, not ours).
    const paused = pacing.pausedUntil;
    if (paused > deps.clock().getTime()) {
      await markRetry(deps.db, row.id, "waiting for the platform's rate limit", new Date(paused), {
        refund: true,
      });
      result.retried += 1;
      return;
    }
    const outcome = await deliverOne(deps, row, options.maxAttempts ?? 8, recordSent);
    pacing.lastPostAt.set(row.channel, Date.now());
    result[outcome] += 1;
  }

  // Up to `capacity` rows in flight. Different channels go out in parallel; a channel's next row
  // is claimable only once its head is sent (claimDue skips channels with a row "sending"), so
  // claiming more while half the rows are still posting keeps each channel in order.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  try {
    for (let round = 0; round < (options.maxRounds ?? 50) && !failure; round++) {
      while (inFlight.size > capacity / 2) await Promise.race(inFlight);
      const rows = await claimDue(deps.db, {
        now: deps.clock(),
        limit: capacity - inFlight.size,
        leaseMs: options.leaseMs ?? 60_000,
        platforms,
      });
      if (rows.length === 0) {
        if (inFlight.size === 0) break;
        // A row still posting may free its channel's next one: claim again once they are done.
        await Promise.all(inFlight);
        continue;
      }
      for (const row of rows) {
        const sending: Promise<void> = send(row)
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
    }
  } finally {
    await Promise.all(inFlight);
  }
  if (failure) throw failure.error;
  return result;
}

async function deliverOne(
  deps: DrainDeps,
  row: OutboxRow,
  maxAttempts: number,
  recordSent: (mark: SentMark) => Promise<void>,
): Promise<keyof DrainResult> {
  const port = deps.ports[row.platform];
  const log = deps.log.child({ correlationId: row.dedupeKey, outboxId: row.id, platform: row.platform });
  if (!port) return "retried";
  // A row that is not a view we know (a bug, a migration, a hand edit) is parked, never retried
  // at the head of its channel's queue: the channel's later messages go out behind it.
  const parsed = parseView(row.payload);
  if (!parsed.ok) {
    await markParked(deps.db, row.id, parsed.reason);
    countPoisoned("outbox");
    log.warn({ reason: parsed.reason, kind: row.kind }, "outbox row parked: not a view this version knows");
    return "parked";
  }
  try {
    // A row claimed before may have been sent just before a crash: look before posting again.
    if (row.attempts > 1 && port.findPosted) {
      const existing = await port.findPosted(row.channel, row.dedupeKey);
      if (existing) {
        await recordSent({ id: row.id, messageId: existing, at: deps.clock() });
        log.info({ messageId: existing }, "delivery found already posted");
        return "sent";
      }
    }
    const reply = await fromView(parsed.view, rememberDrawings(deps.charts));
    // Buttons become opaque tokens now, once per row (a re-send gets the same ones back).
    const intents = intentsOf(parsed.view);
    const tokens = await mintActionTokens(deps.db, row.id, row.workspaceId, intents);
    const locale = intents.length > 0 ? await rememberedWorkspaceLocale(deps.db, row.workspaceId) : "en";
    const actions = tokens.flatMap((token, i) =>
      intents[i] ? [buttonOf(token, intents[i].kind, locale)] : [],
    );
    const { messageId } = await port.post(row.channel, actions.length > 0 ? { ...reply, actions } : reply, {
      dedupeKey: row.dedupeKey,
    });
    await recordSent({ id: row.id, messageId, at: deps.clock() });
    countDelivery(row.platform, true);
    log.info({ messageId, kind: row.kind }, "delivered");
    return "sent";
  } catch (error) {
    countDelivery(row.platform, false);
    const now = deps.clock().getTime();
    const typed = error instanceof DeliveryError ? error : undefined;
    const reason = typed
      ? `${typed.kind}: ${typed.message}${typed.options.adminHint ? ` (${typed.options.adminHint})` : ""}`
      : String((error as Error)?.message ?? error);
    if (typed?.kind === "rate_limited") {
      const wait = typed.options.retryAfterMs ?? 1000;
      const pacing = pacingOf(port);
      pacing.pausedUntil = Math.max(pacing.pausedUntil, now + wait);
      await markRetry(deps.db, row.id, reason, new Date(now + wait), { refund: true });
      log.info({ retryInMs: wait }, "delivery rate limited; platform paused");
      return "retried";
    }
    if ((typed?.permanent ?? false) || row.attempts >= maxAttempts) {
      await markParked(deps.db, row.id, reason);
      log.warn({ reason, attempts: row.attempts }, "delivery parked");
      return "parked";
    }
    const backoff = Math.min(2 ** row.attempts * 1000, 5 * 60_000) * (0.5 + Math.random() / 2);
    await markRetry(deps.db, row.id, reason, new Date(now + backoff));
    log.warn({ reason, retryInMs: Math.round(backoff) }, "delivery will be retried");
    return "retried";
  }
}
