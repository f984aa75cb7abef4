import { z } from "zod";
import { perLocale, workspaceLocales } from "../alerts/locale.ts";
import { enqueueView } from "../delivery/enqueue.ts";
import { alertView } from "../delivery/payload.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../storage/database.ts";
import { detachShop, shopsByExternalId } from "../storage/repos/connections.ts";
import { shopNoticeTargets } from "../storage/repos/notice-targets.ts";
import { recordWebhookEvent } from "../storage/repos/webhook-events.ts";
import { deauthorizedNotice, expiringNotice } from "../sync/connection-notices.ts";

/** Seller deauthorization and upcoming authorization expiration (reference §5.1). */
export const DEAUTHORIZED = 6;
export const EXPIRING = 7;
const DAY_MS = 86_400_000;
/** Authorizations last a year; a longer horizon is not a real expiry (e.g. 1e300 seconds). */
const MAX_DAYS_AHEAD = 3660;

// Ids stay strings (they can exceed 2^53); unknown fields and types are accepted.
const eventSchema = z.object({
  type: z.number().int(),
  tts_notification_id: z.union([z.string(), z.number()]).transform(String),
  shop_id: z.union([z.string(), z.number()]).transform(String).optional(),
  timestamp: z.number().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

export interface WebhookDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
  provider: string;
}

export type WebhookResult = "handled" | "duplicate" | "ignored" | "malformed";

/** What a verified webhook came to, for one log line. */
export interface WebhookOutcome {
  result: WebhookResult;
  type?: number;
}

/**
 * Handles one verified TikTok webhook body. Recording the notification id and acting on it
 * happen in one transaction: a duplicate (TikTok retries) changes nothing.
 */
export async function handleTikTokEvent(deps: WebhookDeps, rawBody: string): Promise<WebhookOutcome> {
  let json: unknown;
  try {
    // Numbers beyond 2^53 elsewhere in `data` lose precision here; no field we read is one.
    json = JSON.parse(rawBody);
  } catch {
    return { result: "malformed" };
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) return { result: "malformed" };
  const event = parsed.data;
  const result = await deps.db.transaction(async (tx): Promise<WebhookResult> => {
    const fresh = await recordWebhookEvent(tx, {
      notificationId: event.tts_notification_id,
      type: event.type,
      shopExternalId: event.shop_id ?? null,
    });
    if (!fresh) return "duplicate";
    if ((event.type !== DEAUTHORIZED && event.type !== EXPIRING) || !event.shop_id) return "ignored";
    const shops = await shopsByExternalId(tx, deps.provider, event.shop_id);
    const now = deps.clock();
    const localeOf = workspaceLocales(tx);
    for (const shop of shops) {
      const targets = await shopNoticeTargets(tx, [shop.id]);
      if (event.type === DEAUTHORIZED) {
        // The seller removed this shop only: its other shops under the same tokens keep syncing.
        await detachShop(tx, shop.id);
        const viewIn = perLocale((locale) =>
          alertView("deauthorized", deauthorizedNotice(shop.name, deps.sandbox, locale)),
        );
        for (const t of targets) {
          // The notification id: a seller who reconnects and leaves again is told again.
          await enqueueView(
            tx,
            t,
            viewIn(await localeOf(t.workspaceId)),
            `deauthorized:${shop.id}:${t.channelId}:${event.tts_notification_id}`,
          );
        }
      } else {
        const expiresAt = expiryOf(event.data ?? {}, now);
        const daysLeft = expiresAt
          ? Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS))
          : daysInMessage(event.data ?? {});
        const viewIn = perLocale((locale) =>
          alertView("auth_expiring", expiringNotice(shop.name, daysLeft, expiresAt, deps.sandbox, locale)),
        );
        const day = now.toISOString().slice(0, 10);
        for (const t of targets) {
          await enqueueView(
            tx,
            t,
            viewIn(await localeOf(t.workspaceId)),
            `auth_expiring:${shop.id}:${t.channelId}:${day}`,
          );
        }
      }
    }
    if (shops.length === 0) deps.log.info({ type: event.type }, "tiktok webhook for a shop we do not know");
    return "handled";
  });
  return { result, type: event.type };
}

/**
 * `expiration_time` is Unix seconds, as a string in the docs' example. A value that is not a
 * time within the horizon (1e300, a date in the year 33658) is no expiry at all: the notice
 * then falls back on the message's days, or says nothing about when.
 */
export function expiryOf(data: Record<string, unknown>, now: Date): Date | undefined {
  const raw = data.expiration_time;
  const seconds =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && /^\d{1,12}$/.test(raw)
        ? Number(raw)
        : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return undefined;
  const at = seconds * 1000;
  return at - now.getTime() > MAX_DAYS_AHEAD * DAY_MS ? undefined : new Date(at);
}

/** "… is expiring in 5 days…" when no expiration_time came; absurd counts are ignored. */
function daysInMessage(data: Record<string, unknown>): number | undefined {
  const match = typeof data.message === "string" ? /(?<!\d)(\d+)\s*day/i.exec(data.message) : null;
  const days = match ? Number(match[1]) : undefined;
  return days !== undefined && days <= MAX_DAYS_AHEAD ? days : undefined;
}
