/**
 * The TikTok balance of a withdrawal-market shop, as Get Withdrawals reports it (reference §3.4):
 * SETTLE puts each statement's settlement into the balance, TRANSFER adds a subsidy or takes a
 * deduction, WITHDRAW sends the whole balance to the bank every few days, and REVERSE returns a
 * withdrawal that failed (wrong bank card). The ledger is built day by day from the first
 * statement, so every amount (a withdrawal takes what the balance holds) is fixed whatever the
 * clock; only statuses depend on `now`.
 *
 * Amount signs follow the docs' sample (a WITHDRAW of "100"): WITHDRAW and REVERSE carry the
 * magnitude, SETTLE and TRANSFER the signed effect. That convention is UNCERTAIN upstream; the
 * client reads either sign (see sync/ledger.ts).
 */
import { formatMinor } from "./amounts.ts";
import type { SandboxShopDef } from "./catalog.ts";
import { DAY, type World } from "./orders.ts";
import { rng } from "./prng.ts";
import { DEMO_PAID_AFTER_MIN, type StatementBook } from "./statements.ts";

export type LedgerType = "WITHDRAW" | "SETTLE" | "TRANSFER" | "REVERSE";

export interface LedgerEntry {
  id: string;
  type: LedgerType;
  /** Effect on the balance, signed. */
  effect: bigint;
  createTime: number;
  /** When a PROCESSING record turns SUCCESS (or FAILED when `fails`). */
  doneTime: number;
  fails: boolean;
  /** The balance right after this record. */
  balanceAfter: bigint;
}

/**
 * Days (relative to the start) of the withdrawals that fail and are reversed: one in the history,
 * one a demo or test sees happen. Both are withdrawal days.
 */
export const REVERSED_WITHDRAWAL_DAYS = [-32, 8] as const;
/** Days before the start of the deduction that takes the balance below zero for a day. */
export const NEGATIVE_BALANCE_DAYS = 10;
/** The seller withdraws every this many days. */
const WITHDRAW_EVERY = 4;

const pad5 = (n: number) => String(n + 50_000).padStart(5, "0");
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** A USD-cent-sized amount in the shop's currency (VND: ×250, whole thousands). */
function local(shop: SandboxShopDef, cents: number): bigint {
  if (shop.digits === 2) return BigInt(cents);
  const units = BigInt(cents) * 250n;
  return (units / 1000n) * 1000n;
}

/** Builds ledgers lazily, one shop at a time, extending them as the clock needs more days. */
export function createLedgerBook(w: World, book: StatementBook) {
  const ledgers = new Map<number, { entries: LedgerEntry[]; nextDay: number; balance: bigint }>();

  function extend(shop: SandboxShopDef, untilDay: number) {
    let ledger = ledgers.get(shop.no);
    if (!ledger) {
      ledger = { entries: [], nextDay: w.firstStatementDay, balance: 0n };
      ledgers.set(shop.no, ledger);
    }
    for (; ledger.nextDay <= untilDay; ledger.nextDay++) {
      const day = ledger.nextDay;
      const rel = day - w.anchorDay;
      const r = rng(w.seed, shop.no, rel, 11);
      const push = (entry: Omit<LedgerEntry, "balanceAfter">) => {
        ledger.balance += entry.effect;
        ledger.entries.push({ ...entry, balanceAfter: ledger.balance });
      };
      const statement = book.statement(shop, day);
      const settled = statement.payout.createTime;
      push({
        id: statement.payout.id,
        type: "SETTLE",
        effect: statement.settlement + statement.reserve,
        createTime: settled,
        doneTime: settled,
        fails: false,
      });
      const transferAt = day * DAY + r.int(4, 8) * 3600 + r.int(0, 3599);
      const transferId = `TR${shop.no}${pad5(rel)}${r.digits(8)}`;
      if (rel === -NEGATIVE_BALANCE_DAYS) {
        // A policy deduction larger than the balance: the shop is negative until sales cover it.
        push({
          id: transferId,
          type: "TRANSFER",
          effect: -(ledger.balance + local(shop, r.int(4000, 9000))),
          createTime: transferAt,
          doneTime: transferAt,
          fails: false,
        });
      } else if (r.chance(0.12)) {
        const subsidy = r.chance(0.6);
        const amount = local(shop, subsidy ? r.int(300, 2500) : r.int(200, 1500));
        push({
          id: transferId,
          type: "TRANSFER",
          effect: subsidy ? amount : -amount,
          createTime: transferAt,
          doneTime: transferAt,
          fails: false,
        });
      }
      const demo = rel === 0;
      if ((mod(rel, WITHDRAW_EVERY) === 0 || demo) && ledger.balance > 0n) {
        let createTime = day * DAY + r.int(9, 14) * 3600 + r.int(0, 3599);
        let doneTime = createTime + r.int(20, 40) * 3600;
        if (demo) {
          // The demo withdrawal: requested just before the start, lands a few simulated minutes after.
          createTime = Math.max(settled + 60, Math.min(createTime, w.startSec - 60));
          doneTime = w.startSec + DEMO_PAID_AFTER_MIN.withdrawals * 60;
        }
        const amount = ledger.balance;
        const id = `WD${shop.no}${pad5(rel)}${r.digits(8)}`;
        const fails = (REVERSED_WITHDRAWAL_DAYS as readonly number[]).includes(rel);
        doneTime = Math.max(doneTime, createTime + 60);
        if (fails) doneTime = createTime + 18 * 3600;
        push({ id, type: "WITHDRAW", effect: -amount, createTime, doneTime, fails });
        if (fails) {
          push({
            id: `RV${shop.no}${pad5(rel)}${r.digits(8)}`,
            type: "REVERSE",
            effect: amount,
            createTime: doneTime,
            doneTime,
            fails: false,
          });
        }
      }
    }
    return ledger.entries;
  }

  /** Ledger records created by `now` with create_time in [ge, lt), oldest first. */
  function entries(shop: SandboxShopDef, now: number, ge: number | undefined, lt: number | undefined) {
    return extend(shop, Math.floor(now / DAY))
      .filter(
        (e) =>
          e.createTime <= now &&
          (ge === undefined || e.createTime >= ge) &&
          (lt === undefined || e.createTime < lt),
      )
      .sort((a, b) => a.createTime - b.createTime);
  }

  return { entries };
}

export type LedgerBook = ReturnType<typeof createLedgerBook>;

/** The 202309 withdrawal object, status as of `now`. */
export function ledgerJson(shop: SandboxShopDef, e: LedgerEntry, now: number): Record<string, unknown> {
  const status = now < e.doneTime ? "PROCESSING" : e.fails ? "FAILED" : "SUCCESS";
  const magnitude = e.type === "WITHDRAW" || e.type === "REVERSE";
  const amount = magnitude && e.effect < 0n ? -e.effect : e.effect;
  return {
    id: e.id,
    type: e.type,
    amount: formatMinor(amount, shop.digits),
    currency: shop.currency,
    status,
    create_time: e.createTime,
  };
}
