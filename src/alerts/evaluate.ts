import { and, asc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { goalProgress } from "../core/goals.ts";
import { type DeliveryTarget, enqueueView } from "../delivery/enqueue.ts";
import { alertView } from "../delivery/payload.ts";
import type { Logger } from "../log.ts";
import { parseMoney } from "../money/index.ts";
import type { Db, Tx } from "../storage/database.ts";
import { readSettledAwaiting } from "../storage/repos/balance.ts";
import { readStatementsOfPayment } from "../storage/repos/rollups.ts";
import { listAllShops, type ShopRow } from "../storage/repos/workspaces.ts";
import {
  alertRules,
  authorizations,
  channels,
  domainEvents,
  goals,
  isOutboxPlatform,
  shops,
  syncState,
  workspaceShops,
  workspaces,
} from "../storage/schema/index.ts";
import { goalAlert, payoutAlert, syncTroubleAlert, thresholdAlert } from "./views.ts";

export interface AlertDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
}

interface Target extends DeliveryTarget {
  channelId: number;
}

/** Only channels of a platform the outbox can post to. */
function deliverable<T extends { platform: string }>(
  rows: T[],
): (T & { platform: DeliveryTarget["platform"] })[] {
  const out = [];
  for (const row of rows) {
    const { platform } = row;
    if (isOutboxPlatform(platform)) out.push({ ...row, platform });
  }
  return out;
}

const MILESTONES = [100, 75, 50];

/**
 * Turns what sync found into outbox rows: payout events, threshold crossings, goal milestones
 * and sync trouble. Every row has a dedupe key, so evaluating twice never sends twice; domain
 * events are marked processed in the same transaction as their rows.
 */
export async function evaluateAlerts(deps: AlertDeps): Promise<number> {
  const shopsById = new Map((await listAllShops(deps.db)).map((s) => [s.id, s]));
  let queued = 0;
  queued += await payoutEvents(deps, shopsById);
  queued += await thresholds(deps, shopsById);
  queued += await goalMilestones(deps, shopsById);
  queued += await syncTrouble(deps, shopsById);
  return queued;
}

/** Channels with a rule of one of `kinds` for this shop, in workspaces the shop is linked to. */
async function ruleTargets(db: Tx, shopId: number, kinds: string[]): Promise<Target[]> {
  const rows = await db
    .selectDistinct({
      workspaceId: workspaces.id,
      channelId: channels.id,
      platform: workspaces.platform,
      channel: channels.externalId,
    })
    .from(alertRules)
    .innerJoin(
      workspaceShops,
      and(eq(workspaceShops.workspaceId, alertRules.workspaceId), eq(workspaceShops.shopId, shopId)),
    )
    .innerJoin(channels, eq(channels.id, alertRules.channelId))
    .innerJoin(workspaces, eq(workspaces.id, alertRules.workspaceId))
    .where(
      and(inArray(alertRules.kind, kinds), or(isNull(alertRules.shopId), eq(alertRules.shopId, shopId))),
    );
  return deliverable(rows);
}

/** Channels that asked to hear about a shop at all: any alert rule, or the digest on. */
async function subscribedTargets(db: Tx, shopId: number): Promise<Target[]> {
  const rows = await db
    .selectDistinct({
      workspaceId: workspaces.id,
      channelId: channels.id,
      platform: workspaces.platform,
      channel: channels.externalId,
    })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .innerJoin(
      workspaceShops,
      and(eq(workspaceShops.workspaceId, workspaces.id), eq(workspaceShops.shopId, shopId)),
    )
    .where(
      or(
        eq(channels.digestEnabled, true),
        sql`exists (select 1 from ${alertRules} r where r.channel_id = ${channels.id})`,
      ),
    );
  return deliverable(rows);
}

async function payoutEvents(deps: AlertDeps, shopsById: Map<number, ShopRow>): Promise<number> {
  const events = await deps.db
    .select()
    .from(domainEvents)
    .where(isNull(domainEvents.processedAt))
    .orderBy(asc(domainEvents.id))
    .limit(1000);
  let queued = 0;
  for (const event of events) {
    await deps.db.transaction(async (tx) => {
      const shop = shopsById.get(event.shopId);
      const payload = event.payload as Record<string, string | null | boolean>;
      // History found by a first sync is not news: only what happens from now on is alerted.
      if (shop && !payload.backfill && (event.kind === "payout_paid" || event.kind === "payout_failed")) {
        const failed = event.kind === "payout_failed";
        const covered =
          payload.source === "payment"
            ? await readStatementsOfPayment(tx, shop.id, String(payload.payoutId))
            : [];
        const view = payoutAlert(shop, payload as never, covered, failed, deps.sandbox);
        for (const t of await ruleTargets(tx, shop.id, [failed ? "failed" : "payout"])) {
          queued += Number(
            await enqueueView(
              tx,
              t,
              alertView(failed ? "payout_failed" : "payout_paid", view),
              `${failed ? "payout_failed" : "payout"}:${shop.id}:${payload.payoutId}:${t.channelId}`,
              { dueAt: deps.clock() },
            ),
          );
        }
      }
      await tx.update(domainEvents).set({ processedAt: deps.clock() }).where(eq(domainEvents.id, event.id));
    });
  }
  return queued;
}

async function thresholds(deps: AlertDeps, shopsById: Map<number, ShopRow>): Promise<number> {
  const rules = await deps.db
    .select({ rule: alertRules, platform: workspaces.platform, channel: channels.externalId })
    .from(alertRules)
    .innerJoin(channels, eq(channels.id, alertRules.channelId))
    .innerJoin(workspaces, eq(workspaces.id, alertRules.workspaceId))
    .where(inArray(alertRules.kind, ["above", "below"]));
  let queued = 0;
  for (const { rule, platform, channel } of rules) {
    const shop = rule.shopId ? shopsById.get(rule.shopId) : undefined;
    if (!shop || !rule.threshold || !rule.currency) continue;
    const settled = (await readSettledAwaiting(deps.db, shop.id)).find((r) => r.currency === rule.currency);
    const balance = parseMoney(settled?.total ?? "0", rule.currency);
    const limit = parseMoney(rule.threshold, rule.currency);
    const recover = parseMoney(rule.recover ?? rule.threshold, rule.currency);
    const crossed = rule.kind === "below" ? balance.units < limit.units : balance.units > limit.units;
    const recovered = rule.kind === "below" ? balance.units >= recover.units : balance.units <= recover.units;
    if (rule.armed && crossed) {
      await deps.db.transaction(async (tx) => {
        // Disarm and enqueue together: a second evaluator finds the rule already disarmed.
        const [won] = await tx
          .update(alertRules)
          .set({ armed: false, crossings: sql`${alertRules.crossings} + 1`, lastFiredAt: deps.clock() })
          .where(and(eq(alertRules.id, rule.id), eq(alertRules.armed, true)))
          .returning({ crossings: alertRules.crossings });
        if (!won) return;
        const view = thresholdAlert(
          shop,
          { kind: rule.kind, threshold: rule.threshold!, currency: rule.currency! },
          settled?.total ?? "0",
          deps.sandbox,
        );
        if (!isOutboxPlatform(platform)) return;
        queued += Number(
          await enqueueView(
            tx,
            { workspaceId: rule.workspaceId, platform, channel },
            alertView(rule.kind === "below" ? "balance_below" : "balance_above", view),
            `threshold:${rule.id}:${won.crossings}`,
            { dueAt: deps.clock() },
          ),
        );
      });
    } else if (!rule.armed && recovered) {
      await deps.db.update(alertRules).set({ armed: true }).where(eq(alertRules.id, rule.id));
    }
  }
  return queued;
}

async function goalMilestones(deps: AlertDeps, shopsById: Map<number, ShopRow>): Promise<number> {
  let queued = 0;
  const now = deps.clock();
  for (const goal of await deps.db.select().from(goals)) {
    const shop = shopsById.get(goal.shopId);
    if (!shop) continue;
    const progress = await goalProgress(deps.db, shop.id, shop.timezone, goal, now);
    const milestone = MILESTONES.find((m) => progress.percent >= m && (m === 100 || goal.milestones));
    if (!milestone) continue;
    const view = goalAlert(shop, goal, progress, milestone, deps.sandbox);
    for (const t of await subscribedTargets(deps.db, shop.id)) {
      if (t.workspaceId !== goal.workspaceId) continue;
      queued += Number(
        await enqueueView(
          deps.db,
          t,
          alertView("goal", view),
          `goal:${goal.id}:${progress.periodStart}:${milestone}:${t.channelId}`,
          { dueAt: deps.clock() },
        ),
      );
    }
  }
  return queued;
}

const REFUSED = new Set(["105005", "106001", "105002", "36009004"]);

async function syncTrouble(deps: AlertDeps, shopsById: Map<number, ShopRow>): Promise<number> {
  const now = deps.clock();
  const day = now.toISOString().slice(0, 10);
  const failing = await deps.db
    .select({
      shopId: syncState.shopId,
      error: syncState.lastError,
      code: syncState.lastErrorCode,
      failures: syncState.consecutiveFailures,
    })
    .from(syncState)
    .where(gte(syncState.consecutiveFailures, 1));
  const reauth = await deps.db
    .select({ shopId: shops.id })
    .from(shops)
    .innerJoin(authorizations, eq(authorizations.id, shops.authorizationId))
    .where(eq(authorizations.status, "needs_reauth"));
  const problems = new Map<number, string>();
  for (const r of reauth)
    problems.set(
      r.shopId,
      "the shop's authorization was refused or has expired; an admin must re-authorize it",
    );
  for (const f of failing) {
    if (problems.has(f.shopId)) continue;
    if (f.failures >= 3 || (f.code && REFUSED.has(f.code))) {
      problems.set(
        f.shopId,
        `${f.error ?? "sync failed"}${f.code ? ` (code ${f.code})` : ""} — ${f.failures} failed attempt${f.failures === 1 ? "" : "s"} in a row`,
      );
    }
  }
  let queued = 0;
  for (const [shopId, problem] of problems) {
    const shop = shopsById.get(shopId);
    if (!shop) continue;
    for (const t of await subscribedTargets(deps.db, shopId)) {
      queued += Number(
        await enqueueView(
          deps.db,
          t,
          alertView("sync_trouble", syncTroubleAlert(shop, problem, deps.sandbox)),
          `sync_trouble:${shopId}:${t.channelId}:${day}`,
          { dueAt: deps.clock() },
        ),
      );
    }
  }
  return queued;
}
