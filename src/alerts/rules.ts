import { type ActionIntent, alertView } from "../delivery/payload.ts";
import { checkCurrency, decimalProblem, type Money, parseMoney } from "../money/index.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { commissionMessages } from "./commission.ts";
import { type DomainEvent, parseDomainEvent } from "./events.ts";
import type {
  AlertChannel,
  AlertDecision,
  AlertFacts,
  AlertInput,
  AlertMessage,
  AlertRule,
  BalanceFact,
} from "./facts.ts";
import { targetOf } from "./facts.ts";
import { perLocale } from "./locale.ts";
import { goalAlert, payoutAlert, type SyncProblem, syncTroubleAlert, thresholdAlert } from "./views.ts";

/** Goal milestones told, highest first; 75 and 50 only for goals that asked for milestones. */
const MILESTONES = [100, 75, 50];
/** Failed syncs in a row before the channels are told (one flaky page is not news). */
const FAILURES_BEFORE_TELLING = 3;
/**
 * TikTok codes that refuse the shop's access outright (reference §4: expired or revoked tokens,
 * a shop no longer authorized): told at the first failure, not after three.
 */
const ACCESS_REFUSED_CODES = new Set(["105005", "106001", "105002", "36009004"]);

type ThresholdRule = AlertRule & { kind: "above" | "below"; shop: ShopRow; limit: Money; recoverAt: Money };
type CheckedRule =
  | { ok: true; rule: AlertRule; channel: AlertChannel; threshold?: ThresholdRule }
  | { ok: false; reason: string };

/**
 * Rule evaluation, pure: from the rules, the facts read beforehand and the time, what to send,
 * disarm, re-arm or park. Never throws: a rule, event or goal that cannot be evaluated becomes a
 * `park_*` decision (it can never work as stored) or a `skipped` one (tried again next run), and
 * every other item is still evaluated.
 */
export function evaluateAlertRules(input: AlertInput): AlertDecision[] {
  const { facts, now } = input;
  const decisions: AlertDecision[] = [];
  const usable: { rule: AlertRule; channel: AlertChannel; threshold?: ThresholdRule }[] = [];
  for (const rule of input.rules) {
    const checked = attempt(() => checkRule(rule, facts));
    if (!checked.ok)
      decisions.push({ type: "skipped", item: "rule", id: String(rule.id), reason: checked.reason });
    else if (!checked.value.ok)
      decisions.push({ type: "park_rule", ruleId: rule.id, reason: checked.value.reason });
    else usable.push(checked.value);
  }
  // A sync_trouble rule only holds a snooze or mute: it subscribes its channel to nothing.
  const listening = new Set(input.rules.filter((r) => r.kind !== "sync_trouble").map((r) => r.channelId));

  for (const row of input.events) {
    const parsed = parseDomainEvent(row);
    if (!parsed.ok) {
      decisions.push({ type: "park_event", eventId: row.id, reason: parsed.reason });
      continue;
    }
    const messages = attempt(() => eventMessages(parsed.event, usable, facts, now));
    decisions.push(
      messages.ok
        ? { type: "event", eventId: row.id, messages: messages.value }
        : // The same event and facts would fail the same way again: set it aside, with the reason.
          {
            type: "park_event",
            eventId: row.id,
            reason: `could not be turned into alerts: ${messages.reason}`,
          },
    );
  }

  for (const { rule, channel, threshold } of usable) {
    if (!threshold) continue;
    const decision = attempt(() => thresholdDecision(threshold, channel, facts, now));
    if (!decision.ok)
      decisions.push({ type: "skipped", item: "rule", id: String(rule.id), reason: decision.reason });
    else if (decision.value) decisions.push(decision.value);
  }

  for (const { goal, progress } of facts.goals) {
    const result = attempt((): AlertDecision[] => {
      const shop = facts.shops.get(goal.shopId);
      if (!shop) return [];
      const milestone = MILESTONES.find((m) => progress.percent >= m && (m === 100 || goal.milestones));
      if (!milestone) return [];
      const viewIn = perLocale((locale) =>
        alertView(
          "goal",
          goalAlert(shop, goal, progress, milestone, facts.sandbox, locale),
          viewButtons(shop.id),
        ),
      );
      return subscribed(shop.id, facts, listening)
        .filter((c) => c.workspaceId === goal.workspaceId)
        .map((channel) => ({
          type: "notify",
          about: "goal",
          message: {
            target: targetOf(channel),
            view: viewIn(channel.language ?? "en"),
            dedupeKey: `goal:${goal.id}:${progress.periodStart}:${milestone}:${channel.channelId}`,
          },
        }));
    });
    if (result.ok) decisions.push(...result.value);
    else decisions.push({ type: "skipped", item: "goal", id: String(goal.id), reason: result.reason });
  }

  const day = now.toISOString().slice(0, 10);
  for (const [shopId, problem] of syncProblems(facts)) {
    const result = attempt((): AlertDecision[] => {
      const shop = facts.shops.get(shopId);
      if (!shop) return [];
      const viewIn = perLocale((locale) =>
        alertView("sync_trouble", syncTroubleAlert(shop, problem, facts.sandbox, locale), [
          { kind: "ack", shopId },
          ...viewButtons(shopId),
          // No rule id: the click finds (or makes) the channel's sync_trouble rule for this shop.
          { kind: "snooze", shopId },
          { kind: "mute", shopId },
        ]),
      );
      const quiet = new Set(
        (facts.quietSyncTrouble ?? []).filter((q) => q.shopId === shopId).map((q) => q.channelId),
      );
      const targets = subscribed(shopId, facts, listening).filter((t) => !quiet.has(t.channelId));
      return targets.map((channel) => ({
        type: "notify",
        about: "sync_trouble",
        message: {
          target: targetOf(channel),
          view: viewIn(channel.language ?? "en"),
          dedupeKey: `sync_trouble:${shopId}:${channel.channelId}:${day}`,
        },
      }));
    });
    if (result.ok) decisions.push(...result.value);
    else decisions.push({ type: "skipped", item: "sync_trouble", id: String(shopId), reason: result.reason });
  }
  return decisions;
}

/** Whether a rule can ever be evaluated as stored, and the parsed amounts of a threshold rule. */
function checkRule(rule: AlertRule, facts: AlertFacts): CheckedRule {
  const channel = facts.channels.find((c) => c.channelId === rule.channelId);
  if (!channel)
    return { ok: false, reason: "its channel is gone (or on a platform balance-bot cannot post to)" };
  if (rule.kind === "payout" || rule.kind === "failed" || rule.kind === "sync_trouble")
    return { ok: true, rule, channel };
  if (rule.kind !== "above" && rule.kind !== "below")
    return { ok: false, reason: `unknown rule kind "${rule.kind}"` };
  if (rule.shopId === null) return { ok: false, reason: "a balance rule needs a shop" };
  if (!rule.currency || !rule.threshold)
    return { ok: false, reason: "a balance rule needs an amount and its currency" };
  const problem =
    moneyProblem(rule.threshold, rule.currency) ?? moneyProblem(rule.recover ?? "0", rule.currency);
  if (problem) return { ok: false, reason: problem };
  const shop = facts.shops.get(rule.shopId);
  // A shop not in the facts has just been removed; its rules go with it (cascade).
  if (!shop) return { ok: true, rule, channel };
  const limit = parseMoney(rule.threshold, rule.currency);
  const recover = parseMoney(rule.recover ?? rule.threshold, rule.currency);
  return {
    ok: true,
    rule,
    channel,
    threshold: { ...rule, kind: rule.kind, shop, limit, recoverAt: recover },
  };
}

function moneyProblem(value: string, currency: string): string | undefined {
  try {
    checkCurrency(currency);
  } catch (error) {
    return `currency: ${(error as Error).message}`;
  }
  const problem = decimalProblem(value);
  return problem ? `amount: ${problem}` : undefined;
}

/** Breakdown, Chart and Payouts of one shop (the last 30 days, as the commands default to). */
function viewButtons(shopId: number): ActionIntent[] {
  return [
    { kind: "breakdown", shopId, period: "30d" },
    { kind: "chart", shopId, period: "30d" },
    { kind: "payouts", shopId },
  ];
}

/** A snoozed rule stays quiet until its snooze ends. */
function snoozed(rule: AlertRule, now: Date): boolean {
  return !!rule.snoozedUntil && rule.snoozedUntil.getTime() > now.getTime();
}

function eventMessages(
  event: DomainEvent,
  rules: readonly { rule: AlertRule; channel: AlertChannel }[],
  facts: AlertFacts,
  now: Date,
): AlertMessage[] {
  if (event.kind === "statement_new") return [];
  if (event.kind === "commission_settled") return commissionMessages(event, rules, facts, now);
  const shop = facts.shops.get(event.shopId);
  // History found by a first sync is not news: only what happens from now on is alerted.
  if (!shop || event.payload.backfill) return [];
  const failed = event.kind === "payout_failed";
  const p = event.payload;
  const covered =
    p.source === "payment" ? (facts.statementsOfPayout.get(`${shop.id}:${p.payoutId}`) ?? []) : [];
  const viewIn = perLocale((locale) =>
    alertView(
      event.kind,
      payoutAlert(shop, p, covered, failed, facts.sandbox, locale),
      failed ? [{ kind: "ack", shopId: shop.id }, ...viewButtons(shop.id)] : viewButtons(shop.id),
    ),
  );
  const wanted = failed ? "failed" : "payout";
  const linked = new Set(facts.links.filter((l) => l.shopId === shop.id).map((l) => l.workspaceId));
  const targets = new Map<number, AlertChannel>();
  for (const { rule, channel } of rules) {
    if (rule.kind !== wanted || !linked.has(rule.workspaceId) || snoozed(rule, now)) continue;
    if (rule.shopId !== null && rule.shopId !== shop.id) continue;
    targets.set(channel.channelId, channel);
  }
  return [...targets.values()].map((channel) => ({
    target: targetOf(channel),
    view: viewIn(channel.language ?? "en"),
    dedupeKey: `${failed ? "payout_failed" : "payout"}:${shop.id}:${p.payoutId}:${channel.channelId}`,
  }));
}

function thresholdDecision(
  rule: ThresholdRule,
  channel: AlertChannel,
  facts: AlertFacts,
  now: Date,
): AlertDecision | undefined {
  if (facts.unreadBalances.includes(rule.shop.id)) {
    return {
      type: "skipped",
      item: "rule",
      id: String(rule.id),
      reason: "the shop's balance could not be read",
    };
  }
  const balance = balanceOf(rule.shop.id, rule.limit.currency, facts.balances);
  const units = parseMoney(balance.amount, rule.limit.currency).units;
  const below = rule.kind === "below";
  const crossed = below ? units < rule.limit.units : units > rule.limit.units;
  const recovered = below ? units >= rule.recoverAt.units : units <= rule.recoverAt.units;
  // Snoozed: stays armed and quiet; a balance still past the limit when the snooze ends is told then.
  if (rule.armed && crossed && snoozed(rule, now)) return undefined;
  if (rule.armed && crossed) {
    const view = alertView(
      below ? "balance_below" : "balance_above",
      thresholdAlert(
        rule.shop,
        { kind: rule.kind, threshold: rule.threshold ?? "0", currency: rule.limit.currency },
        balance,
        facts.sandbox,
        channel.language ?? "en",
      ),
      [
        ...viewButtons(rule.shop.id),
        { kind: "snooze", shopId: rule.shop.id, ruleId: rule.id },
        { kind: "mute", shopId: rule.shop.id, ruleId: rule.id },
      ],
    );
    return { type: "fire", ruleId: rule.id, target: targetOf(channel), view };
  }
  if (!rule.armed && recovered) return { type: "rearm", ruleId: rule.id };
  return undefined;
}

/** The ledger's available balance where the shop has one in this currency, else settled, awaiting payout. */
export function balanceOf(
  shopId: number,
  currency: string,
  balances: readonly BalanceFact[],
): Pick<BalanceFact, "amount" | "source"> {
  const mine = balances.filter((b) => b.shopId === shopId && b.currency === currency);
  return (
    mine.find((b) => b.source === "ledger_available") ??
    mine.find((b) => b.source === "settled_awaiting") ?? { amount: "0", source: "settled_awaiting" }
  );
}

/** Shops with a problem worth telling, and what it is (re-authorization first). */
function syncProblems(facts: AlertFacts): Map<number, SyncProblem> {
  const problems = new Map<number, SyncProblem>();
  for (const shopId of facts.needsReauth) problems.set(shopId, { kind: "reauth" });
  for (const f of facts.syncFailures) {
    if (problems.has(f.shopId)) continue;
    if (f.failures >= FAILURES_BEFORE_TELLING || (f.code && ACCESS_REFUSED_CODES.has(f.code))) {
      problems.set(f.shopId, { kind: "failing", error: f.error, code: f.code, failures: f.failures });
    }
  }
  return problems;
}

/** Channels that asked to hear about a shop at all (any alert rule, or the digest on), in workspaces linking it. */
function subscribed(shopId: number, facts: AlertFacts, listening: ReadonlySet<number>): AlertChannel[] {
  const linked = new Set(facts.links.filter((l) => l.shopId === shopId).map((l) => l.workspaceId));
  return facts.channels.filter(
    (c) => linked.has(c.workspaceId) && (c.digestEnabled || listening.has(c.channelId)),
  );
}

type Attempt<T> = { ok: true; value: T } | { ok: false; reason: string };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
