import { DateTime } from "luxon";
import { z } from "zod";
import { type CommandContext, defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { asMoney, footer } from "../src/core/format.ts";
import { shopOption } from "../src/core/options.ts";
import type { OrderFetch } from "../src/core/order-fetch.ts";
import { orderMoney } from "../src/core/order-lines.ts";
import { showPayout } from "../src/core/payout-amount.ts";
import { type ReplyField, reply } from "../src/core/reply.ts";
import { pickShops } from "../src/core/shops.ts";
import { formatMoney, negate, sum } from "../src/money/index.ts";
import { readLastSync } from "../src/storage/repos/balance.ts";
import {
  readFetchedOrder,
  readOrderTransactions,
  readSettledSince,
  readStatementWithPayout,
} from "../src/storage/repos/orders.ts";
import type { ShopRow } from "../src/storage/repos/workspaces.ts";

/** TikTok order ids are long digit strings (ids can exceed 2^53: kept as text). */
const ORDER_ID = /^\d{6,32}$/;

/** What one shop holds about the order: its synced rows, or a stored answer from TikTok. */
async function readOrder(ctx: CommandContext, shop: ShopRow, id: string) {
  const rows = await readOrderTransactions(ctx.db, shop.id, id);
  if (rows.length > 0) return { source: "synced" as const, rows, fetched: null };
  const fetched = await readFetchedOrder(ctx.db, shop.id, id);
  return fetched ? { source: "fetched" as const, rows, fetched } : null;
}

export default defineCommand({
  name: "order",
  description: "One order's money and where it is",
  example: "/balance order 576486316948490001",
  options: z.object({
    id: z
      .string()
      .trim()
      .regex(ORDER_ID, { message: "is not an order id: the digits TikTok shows, e.g. 576486316948490001" })
      .meta({ kind: "id", description: "TikTok order id" }),
    shop: shopOption(),
  }),
  async run(ctx, args) {
    // Only this workspace's shops are searched: another workspace's order is simply not found.
    const shops = pickShops(ctx, args.shop);
    let found: { shop: ShopRow; order: NonNullable<Awaited<ReturnType<typeof readOrder>>> } | null = null;
    for (const shop of shops) {
      const order = await readOrder(ctx, shop, args.id);
      if (order && order.fetched?.outcome !== "unknown") {
        found = { shop, order };
        break;
      }
    }
    const asked = new Map<number, OrderFetch>();
    if (!found && ctx.orders) {
      // Not synced: ask TikTok (through the sync layer's fetcher and its rate limiter), shop by shop.
      for (const shop of shops) {
        const answer = await ctx.orders.fetch(shop, args.id);
        asked.set(shop.id, answer);
        if (answer.outcome === "settled" || answer.outcome === "unsettled") {
          const order = await readOrder(ctx, shop, args.id);
          if (order) {
            found = { shop, order };
            break;
          }
        }
      }
    }
    if (!found) {
      const where = await Promise.all(
        shops.map(async (shop) => {
          const since = await readSettledSince(ctx.db, shop.id);
          const answer = asked.get(shop.id);
          const why = answer?.outcome === "unavailable" ? `; ${answer.reason}` : "";
          return `${shop.name} (orders settled since ${since ? DateTime.fromISO(since).toFormat("LLL d, yyyy") : "—: not synced yet"}${why})`;
        }),
      );
      throw new NotFound(
        `order ${args.id} was not found in ${where.join(", ")}; check the id in Seller Center › Orders`,
      );
    }
    const { shop, order } = found;
    const lastSync = await readLastSync(ctx.db, shop.id);
    const foot = footer(ctx, { shops: [shop], zone: shop.timezone, lastSync });
    const day = (iso: string) => DateTime.fromISO(iso).toFormat("LLL d, yyyy");
    const at = (d: Date) => DateTime.fromJSDate(d, { zone: shop.timezone }).toFormat("LLL d, yyyy");

    if (order.fetched?.outcome === "unsettled") {
      return reply({
        title: `Order ${args.id} · ${shop.name}`,
        summary: "Not settled yet",
        sections: [
          {
            fields: [
              {
                label: "State",
                clock: "pending",
                value: "not settled yet",
                detail:
                  "TikTok lists no settled transaction for it: its money is an estimate until it settles",
              },
            ],
            notes: [
              `Asked TikTok ${at(order.fetched.fetchedAt)} (Get Transactions by Order); unsettled orders count in /balance as pending (est.).`,
            ],
          },
        ],
        footer: foot,
        timestamp: ctx.now,
      });
    }

    // Lines, settlement and the statement(s) the order settled on.
    const synced = order.source === "synced";
    const currency = synced ? order.rows[0]!.currency : (order.fetched!.currency ?? shop.currency ?? "USD");
    const orderRows = order.rows.filter((r) => r.type === "ORDER");
    const lines = synced
      ? orderRows.map((r) => r.breakdown ?? {})
      : order.fetched!.lines.map((l) => l.breakdown);
    const settlement = synced
      ? sum(
          currency,
          order.rows.map((r) => asMoney(r.settlement, currency)),
        )
      : sum(
          currency,
          order.fetched!.lines.map((l) => asMoney(l.settlement, currency)),
        );
    const adjustments = order.rows.filter((r) => r.type !== "ORDER" && r.type !== "RESERVE");
    const money = orderMoney(currency, lines, adjustments, settlement);
    const statementIds = [
      ...new Set(
        synced
          ? order.rows.map((r) => r.statementId)
          : order.fetched!.lines.map((l) => l.statementId).filter((s): s is string => !!s),
      ),
    ];
    const fields: ReplyField[] = [];
    for (const statementId of statementIds) {
      const held = await readStatementWithPayout(ctx.db, shop.id, statementId);
      if (!held) {
        fields.push({
          label: "State",
          clock: "settled",
          value: `settled on statement ${statementId}`,
          detail: "before the synced history: its payment is not stored",
        });
        continue;
      }
      const { statement, payout } = held;
      const on = `statement ${statement.id} of ${day(statement.day)}`;
      if (statement.paymentStatus === "PAID" && payout?.source === "withdrawal")
        fields.push({
          label: "State",
          clock: "settled",
          value: `in the TikTok balance since ${at(payout.paidTime ?? payout.createdTime)}`,
          detail: `settled on ${on}; withdrawals take it to the bank`,
        });
      else if (statement.paymentStatus === "PAID")
        fields.push({
          label: "State",
          clock: "paid",
          value:
            `paid ${payout ? at(payout.paidTime ?? payout.createdTime) : ""}${payout?.bankAccount ? ` to ${payout.bankAccount}` : ""}`.trim(),
          detail: `settled on ${on}${payout ? ` · payout ${payout.id}: ${showPayout(payout)}` : ""}`,
        });
      else if (statement.paymentStatus === "PROCESSING")
        fields.push({
          label: "State",
          clock: "settled",
          value: "settled, awaiting payout",
          detail: `on ${on}; its payment is still processing`,
        });
      else if (statement.paymentStatus === "FAILED")
        fields.push({
          label: "State",
          clock: "settled",
          value: "payment failed",
          detail: `on ${on}: check the bank account in Seller Center`,
        });
      else
        fields.push({
          label: "State",
          clock: "settled",
          value: `payment ${statement.paymentStatus}`,
          detail: `on ${on}: a status this version does not know`,
        });
    }
    const rows = [
      ["Sales before discounts", formatMoney(money.sales)],
      ...money.lines.map((l) => [l.label, formatMoney(l.amount, { signed: true })]),
    ];
    if (money.unexplained.units !== 0n)
      rows.push([
        "Not itemised by TikTok (settlement − lines)",
        formatMoney(money.unexplained, { signed: true }),
      ]);
    rows.push(["= Settlement", formatMoney(money.settlement)]);
    const notes = [
      synced
        ? `From the synced statement transactions · amounts in ${currency} · negative = money out`
        : `Fetched from TikTok ${at(order.fetched!.fetchedAt)} (Get Transactions by Order) and stored · amounts in ${currency}`,
    ];
    if (money.affiliate.units !== 0n)
      notes.push(
        `Creators took ${formatMoney(negate(money.affiliate))} of this order (affiliate commission, partner and ads commission included).`,
      );
    if (!synced) {
      const items = order.fetched!.lines.map(
        (l) => `${l.productName ?? l.skuName ?? l.skuId} ×${l.quantity}`,
      );
      notes.push(`Items: ${items.join(", ")}.`);
    }
    return reply({
      title: `Order ${args.id} · ${shop.name}`,
      summary: `Settlement ${formatMoney(money.settlement)} · ${fields[0]?.value ?? "settled"}`,
      sections: [
        {
          fields: [
            { label: "Settlement", clock: "settled", value: formatMoney(money.settlement) },
            ...fields,
          ],
          table: { columns: [{ label: "Line" }, { label: "Amount", align: "right" }], rows },
          notes,
        },
      ],
      footer: foot,
      timestamp: ctx.now,
    });
  },
});
