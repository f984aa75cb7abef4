import { z } from "zod";
import { type CommandContext, defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { asMoney, footer } from "../src/core/format.ts";
import { badOptionValue } from "../src/core/option-error.ts";
import { shopOption } from "../src/core/options.ts";
import type { OrderFetch } from "../src/core/order-fetch.ts";
import { orderMoney } from "../src/core/order-lines.ts";
import { showPayout } from "../src/core/payout-amount.ts";
import { type ReplyField, reply } from "../src/core/reply.ts";
import { pickShops } from "../src/core/shops.ts";
import { lastSyncIn } from "../src/core/workspace.ts";
import { negate, sum } from "../src/money/index.ts";
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

const orderCommand = defineCommand({
  name: "order",
  description: "One order's money and where it is",
  example: "/balance order 576486316948490001",
  options: z.object({
    // Checked in run, not by the schema, so the refusal is in the asker's language.
    id: z.string().trim().meta({ kind: "id", description: "TikTok order id" }),
    shop: shopOption(),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    if (!ORDER_ID.test(args.id)) throw badOptionValue(ctx, orderCommand, "id", args.id, t("order.badId"));
    // Only this workspace's shops are searched: another workspace's order is simply not found.
    const shops = pickShops(ctx, args.shop);
    let found: { shop: ShopRow; found: NonNullable<Awaited<ReturnType<typeof readOrder>>> } | null = null;
    for (const shop of shops) {
      const held = await readOrder(ctx, shop, args.id);
      if (held && held.fetched?.outcome !== "unknown") {
        found = { shop, found: held };
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
          const held = await readOrder(ctx, shop, args.id);
          if (held) {
            found = { shop, found: held };
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
          const searched = {
            shop: shop.name,
            since: since ? fmt.date(since, shop.timezone, "dayYear") : t("order.notSyncedYet"),
          };
          return answer?.outcome === "unavailable"
            ? t("order.searchedWhy", { ...searched, reason: answer.reason })
            : t("order.searched", searched);
        }),
      );
      throw new NotFound(t("order.notFound", { id: args.id, where: fmt.list(where) }));
    }
    const { shop, found: order } = found;
    const lastSync = lastSyncIn(ctx.scope, shop.id);
    const foot = footer(ctx, { shops: [shop], zone: shop.timezone, lastSync });
    const at = (d: Date | string) => fmt.date(d, shop.timezone, "dayYear");
    const title = t("order.title", { id: args.id, shop: shop.name });

    if (order.fetched?.outcome === "unsettled") {
      return reply({
        title,
        summary: t("order.notSettledSummary"),
        sections: [
          {
            fields: [
              {
                label: t("order.labelState"),
                clock: "pending",
                value: t("order.notSettledValue"),
                detail: t("order.notSettledDetail"),
              },
            ],
            notes: [t("order.askedNote", { day: at(order.fetched.fetchedAt) })],
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
    const money = orderMoney(currency, lines, adjustments, settlement, ctx);
    const statementIds = [
      ...new Set(
        synced
          ? order.rows.map((r) => r.statementId)
          : order.fetched!.lines.map((l) => l.statementId).filter((s): s is string => !!s),
      ),
    ];
    const fields: ReplyField[] = [];
    const state = (clock: "settled" | "paid", value: string, detail: string) =>
      fields.push({ label: t("order.labelState"), clock, value, detail });
    for (const statementId of statementIds) {
      const held = await readStatementWithPayout(ctx.db, shop.id, statementId);
      if (!held) {
        state("settled", t("order.beforeHistoryValue", { id: statementId }), t("order.beforeHistoryDetail"));
        continue;
      }
      const { statement: s, payout } = held;
      const statement = t("order.statementOf", { id: s.id, day: at(s.day) });
      const paidOn = payout ? at(payout.paidTime ?? payout.createdTime) : "";
      if (s.paymentStatus === "PAID" && payout?.source === "withdrawal")
        state(
          "settled",
          t("order.inBalanceValue", { day: paidOn }),
          t("order.inBalanceDetail", { statement }),
        );
      else if (s.paymentStatus === "PAID")
        state(
          "paid",
          !payout
            ? t("order.paidValueBare")
            : payout.bankAccount
              ? t("order.paidValueTo", { day: paidOn, account: payout.bankAccount })
              : t("order.paidValue", { day: paidOn }),
          payout
            ? t("order.paidDetailPayout", { statement, payout: payout.id, amount: showPayout(payout, ctx) })
            : t("order.paidDetail", { statement }),
        );
      else if (s.paymentStatus === "PROCESSING")
        state("settled", t("order.processingValue"), t("order.processingDetail", { statement }));
      else if (s.paymentStatus === "FAILED")
        state("settled", t("order.failedValue"), t("order.failedDetail", { statement }));
      else
        state(
          "settled",
          t("order.unknownValue", { status: s.paymentStatus }),
          t("order.unknownDetail", { statement }),
        );
    }
    const rows = [
      [t("order.rowSales"), fmt.money(money.sales)],
      ...money.lines.map((l) => [l.label, fmt.money(l.amount, { signed: true })]),
    ];
    if (money.unexplained.units !== 0n)
      rows.push([t("order.rowUnexplained"), fmt.money(money.unexplained, { signed: true })]);
    rows.push([t("order.rowSettlement"), fmt.money(money.settlement)]);
    const notes = [
      synced
        ? t("order.syncedNote", { currency })
        : t("order.fetchedNote", { day: at(order.fetched!.fetchedAt), currency }),
    ];
    if (money.affiliate.units !== 0n)
      notes.push(t("order.creatorsNote", { amount: fmt.money(negate(money.affiliate)) }));
    if (!synced) {
      const items = order.fetched!.lines.map((l) =>
        t("order.item", { name: l.productName ?? l.skuName ?? l.skuId, quantity: l.quantity }),
      );
      notes.push(t("order.items", { items: fmt.list(items) }));
    }
    return reply({
      title,
      summary: t("order.summary", {
        amount: fmt.money(money.settlement),
        state: fields[0]?.value ?? t("order.settledValue"),
      }),
      sections: [
        {
          fields: [
            { label: t("order.labelSettlement"), clock: "settled", value: fmt.money(money.settlement) },
            ...fields,
          ],
          table: {
            columns: [{ label: t("order.columnLine") }, { label: t("order.columnAmount"), align: "right" }],
            rows,
          },
          notes,
        },
      ],
      footer: foot,
      timestamp: ctx.now,
    });
  },
});

export default orderCommand;
