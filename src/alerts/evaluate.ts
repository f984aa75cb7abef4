import { type GoalProgress, goalProgress } from "../core/goals.ts";
import { enqueueView } from "../delivery/enqueue.ts";
import type { Logger } from "../log.ts";
import { countPoisoned } from "../metrics.ts";
import type { Db } from "../storage/database.ts";
import {
  disarmRule,
  markEventProcessed,
  parkAlertRule,
  parkEvent,
  readActiveAlertRules,
  readAlertChannels,
  readAllGoals,
  readPendingEvents,
  readQuietSyncTrouble,
  readShopLinks,
  readShopsNeedingReauth,
  readSyncFailures,
  rearmRule,
} from "../storage/repos/alerts.ts";
import { readSettledAwaiting } from "../storage/repos/balance.ts";
import { readLedgerBalance } from "../storage/repos/ledger.ts";
import { readStatementsOfPayment } from "../storage/repos/rollups.ts";
import { listAllShops } from "../storage/repos/workspaces.ts";
import { parseDomainEvent } from "./events.ts";
import type { AlertDecision, AlertFacts, AlertRule, BalanceFact, GoalFact } from "./facts.ts";
import { alertLocale } from "./locale.ts";
import { evaluateAlertRules } from "./rules.ts";

export interface AlertDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
}

/** Events taken per run; the rest wait for the next one. */
const EVENTS_PER_RUN = 1000;

/**
 * Turns what sync found into outbox rows: payout events, threshold crossings, goal milestones
 * and sync trouble. Reads the facts, lets the pure rules decide, then carries out each decision
 * on its own: one that fails is logged, counted and skipped, and the others still happen. Every
 * row has a dedupe key, so evaluating twice never sends twice; an event is marked processed in
 * the same transaction as its rows.
 */
export async function evaluateAlerts(deps: AlertDeps): Promise<number> {
  const now = deps.clock();
  const [rules, pending] = await Promise.all([
    readActiveAlertRules(deps.db),
    readPendingEvents(deps.db, EVENTS_PER_RUN),
  ]);
  const { facts, events } = await readFacts(deps, rules, pending, now);
  let queued = 0;
  for (const decision of evaluateAlertRules({ rules, events, facts, now })) {
    try {
      queued += await carryOut(deps, decision, now);
    } catch (error) {
      countPoisoned(
        decision.type === "event" || decision.type === "park_event"
          ? "event"
          : decision.type === "notify"
            ? decision.about
            : "rule",
      );
      deps.log.error({ err: error, decision: describe(decision) }, "alert decision failed; the others go on");
    }
  }
  return queued;
}

async function readFacts(
  deps: AlertDeps,
  rules: AlertRule[],
  pending: Awaited<ReturnType<typeof readPendingEvents>>,
  now: Date,
): Promise<{ facts: AlertFacts; events: typeof pending }> {
  const [shopList, channelRows, links, syncFailures, needsReauth, goalRows, quietSyncTrouble] =
    await Promise.all([
      listAllShops(deps.db),
      readAlertChannels(deps.db),
      readShopLinks(deps.db),
      readSyncFailures(deps.db),
      readShopsNeedingReauth(deps.db),
      readAllGoals(deps.db),
      readQuietSyncTrouble(deps.db, now),
    ]);
  const shops = new Map(shopList.map((s) => [s.id, s]));
  // Each channel reads its workspace's language.
  const channels = channelRows.map(({ language, ...c }) => ({ ...c, language: alertLocale(language) }));

  const statementsOfPayout = new Map<string, { id: string; day: string }[]>();
  const events: typeof pending = [];
  for (const row of pending) {
    const parsed = parseDomainEvent(row);
    // Only a payout that will be told needs the statements it paid (history is never told).
    if (
      parsed.ok &&
      (parsed.event.kind === "payout_paid" || parsed.event.kind === "payout_failed") &&
      parsed.event.payload.source === "payment" &&
      !parsed.event.payload.backfill
    ) {
      const { payoutId } = parsed.event.payload;
      try {
        statementsOfPayout.set(
          `${row.shopId}:${payoutId}`,
          await readStatementsOfPayment(deps.db, row.shopId, payoutId),
        );
      } catch (error) {
        // Left for the next run rather than told without the statements it paid.
        countPoisoned("event");
        deps.log.warn(
          { err: error, eventId: String(row.id) },
          "statements of a payout could not be read; event waits",
        );
        continue;
      }
    }
    events.push(row);
  }

  const balances: BalanceFact[] = [];
  const unreadBalances: number[] = [];
  const thresholdShops = new Set(
    rules
      .filter((r) => (r.kind === "above" || r.kind === "below") && r.shopId !== null)
      .map((r) => r.shopId!),
  );
  for (const shopId of thresholdShops) {
    try {
      // The same figures /balance shows: the ledger's available balance in withdrawal markets.
      const [settled, ledger] = await Promise.all([
        readSettledAwaiting(deps.db, shopId),
        readLedgerBalance(deps.db, shopId),
      ]);
      for (const s of settled)
        balances.push({ shopId, currency: s.currency, amount: s.total, source: "settled_awaiting" });
      for (const l of ledger)
        balances.push({ shopId, currency: l.currency, amount: l.total, source: "ledger_available" });
    } catch (error) {
      unreadBalances.push(shopId);
      deps.log.warn({ err: error, shopId }, "balance could not be read; the shop's threshold rules wait");
    }
  }

  const goals: GoalFact[] = [];
  for (const goal of goalRows) {
    const shop = shops.get(goal.shopId);
    if (!shop) continue;
    let progress: GoalProgress;
    try {
      progress = await goalProgress(deps.db, shop.id, shop.timezone, goal, now);
    } catch (error) {
      // A goal stored with a currency or amount no one can read: skip it, tell the log.
      countPoisoned("goal");
      deps.log.warn({ err: error, goalId: goal.id }, "goal progress could not be read; the goal is skipped");
      continue;
    }
    goals.push({ goal, progress });
  }

  const facts: AlertFacts = {
    shops,
    channels,
    links,
    balances,
    unreadBalances,
    goals,
    syncFailures,
    needsReauth,
    quietSyncTrouble,
    statementsOfPayout,
    sandbox: deps.sandbox,
  };
  return { facts, events };
}

async function carryOut(deps: AlertDeps, decision: AlertDecision, now: Date): Promise<number> {
  const dueAt = { dueAt: now };
  switch (decision.type) {
    case "event":
      return deps.db.transaction(async (tx) => {
        let queued = 0;
        for (const m of decision.messages)
          queued += Number(await enqueueView(tx, m.target, m.view, m.dedupeKey, dueAt));
        await markEventProcessed(tx, decision.eventId, now);
        return queued;
      });
    case "fire":
      return deps.db.transaction(async (tx) => {
        // Disarm and enqueue together: a second evaluator finds the rule already disarmed.
        const crossings = await disarmRule(tx, decision.ruleId, now);
        if (crossings === undefined) return 0;
        return Number(
          await enqueueView(
            tx,
            decision.target,
            decision.view,
            `threshold:${decision.ruleId}:${crossings}`,
            dueAt,
          ),
        );
      });
    case "rearm":
      await rearmRule(deps.db, decision.ruleId);
      return 0;
    case "notify": {
      const { target, view, dedupeKey } = decision.message;
      return Number(await enqueueView(deps.db, target, view, dedupeKey, dueAt));
    }
    case "park_event":
      await parkEvent(deps.db, decision.eventId, decision.reason);
      countPoisoned("event");
      deps.log.warn({ eventId: String(decision.eventId), reason: decision.reason }, "domain event parked");
      return 0;
    case "park_rule":
      await parkAlertRule(deps.db, decision.ruleId, decision.reason);
      countPoisoned("rule");
      deps.log.warn({ ruleId: decision.ruleId, reason: decision.reason }, "alert rule parked");
      return 0;
    case "skipped":
      countPoisoned(decision.item);
      deps.log.warn(
        { item: decision.item, id: decision.id, reason: decision.reason },
        "alert item skipped this run",
      );
      return 0;
  }
}

/** A decision for a log line: what and which, without the rendered view. */
function describe(decision: AlertDecision): Record<string, unknown> {
  switch (decision.type) {
    case "event":
    case "park_event":
      return { type: decision.type, eventId: String(decision.eventId) };
    case "fire":
    case "rearm":
    case "park_rule":
      return { type: decision.type, ruleId: decision.ruleId };
    case "notify":
      return { type: decision.type, dedupeKey: decision.message.dedupeKey };
    case "skipped":
      return { type: decision.type, item: decision.item, id: decision.id };
  }
}
