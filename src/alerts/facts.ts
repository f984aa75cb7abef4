import type { GoalProgress } from "../core/goals.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryTarget } from "../delivery/enqueue.ts";
import type { OutboxView } from "../delivery/payload.ts";
import type { Locale } from "../i18n/index.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { EventRow } from "./events.ts";

/** An alert rule as stored; evaluation checks its kind, amounts and currency itself. */
export interface AlertRule {
  id: number;
  workspaceId: number;
  channelId: number;
  shopId: number | null;
  kind: string;
  threshold: string | null;
  recover: string | null;
  currency: string | null;
  armed: boolean;
  /** A snoozed rule tells nothing before this time (muted rules are not read at all). */
  snoozedUntil?: Date | null;
}

/** A channel of a workspace, with what it subscribed to. */
export interface AlertChannel {
  channelId: number;
  workspaceId: number;
  platform: Platform;
  /** The platform's channel id. */
  channel: string;
  digestEnabled: boolean;
  /** The workspace's language: what its alerts are written in (absent: English). */
  language?: Locale;
}

/**
 * The balance a threshold rule compares: in a withdrawal market (a ledger with settlements) the
 * available TikTok balance, as /balance shows it; elsewhere settled, awaiting payout.
 */
export interface BalanceFact {
  shopId: number;
  currency: string;
  amount: string;
  source: "ledger_available" | "settled_awaiting";
}

export interface GoalFact {
  goal: {
    id: number;
    workspaceId: number;
    shopId: number;
    cadence: string;
    metric: string;
    milestones: boolean;
  };
  progress: GoalProgress;
}

/** A shop's sync failing (from sync_state), or its authorization needing renewal. */
export interface SyncFailure {
  shopId: number;
  error: string | null;
  code: string | null;
  failures: number;
}

/** Everything evaluation may look at, read beforehand by the caller. */
export interface AlertFacts {
  shops: ReadonlyMap<number, ShopRow>;
  channels: readonly AlertChannel[];
  /** Which shops each workspace has linked. */
  links: readonly { workspaceId: number; shopId: number }[];
  balances: readonly BalanceFact[];
  /** Shops whose balance could not be read this run: their threshold rules wait (never compared with 0). */
  unreadBalances: readonly number[];
  goals: readonly GoalFact[];
  syncFailures: readonly SyncFailure[];
  needsReauth: readonly number[];
  /** Channels that snoozed (still running) or muted a shop's sync trouble: told nothing about it. */
  quietSyncTrouble?: readonly { channelId: number; shopId: number }[];
  /** Statements a payment paid out, by `${shopId}:${payoutId}`. */
  statementsOfPayout: ReadonlyMap<string, { id: string; day: string }[]>;
  sandbox: boolean;
}

export interface AlertInput {
  rules: readonly AlertRule[];
  events: readonly EventRow[];
  facts: AlertFacts;
  now: Date;
}

/** A channel to tell (its `channelId` is part of dedupe keys). */
export type AlertTarget = DeliveryTarget & { channelId: number };

export function targetOf(c: AlertChannel): AlertTarget {
  return { workspaceId: c.workspaceId, channelId: c.channelId, platform: c.platform, channel: c.channel };
}

export interface AlertMessage {
  target: AlertTarget;
  view: OutboxView;
  dedupeKey: string;
}

/**
 * What evaluation decided; the caller carries each out on its own (one transaction each):
 * - `event`: queue these messages and mark the event processed, together;
 * - `fire`: disarm the threshold rule and queue its message keyed by its crossing count;
 * - `rearm`: the balance recovered past the rule's `recover`;
 * - `notify`: queue one message (its dedupe key makes repeats no-ops);
 * - `park_event`, `park_rule`: never usable as stored; set aside with the reason;
 * - `skipped`: an item failed this time; logged and counted, tried again next run.
 */
export type AlertDecision =
  | { type: "event"; eventId: bigint; messages: AlertMessage[] }
  | { type: "fire"; ruleId: number; target: AlertTarget; view: OutboxView }
  | { type: "rearm"; ruleId: number }
  | { type: "notify"; about: "goal" | "sync_trouble"; message: AlertMessage }
  | { type: "park_event"; eventId: bigint; reason: string }
  | { type: "park_rule"; ruleId: number; reason: string }
  | { type: "skipped"; item: "rule" | "event" | "goal" | "sync_trouble"; id: string; reason: string };
