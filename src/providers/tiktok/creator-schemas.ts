/**
 * The creator side's payload (reference §7): `data` of POST /affiliate_creator/202410/orders/search.
 *
 * Shape from the official Node SDK (phamconganh/tiktok-shop-sdk @ 85696e6, a re-upload of the
 * Partner Center zip): `model/affiliateCreator/V202410/SearchCreatorAffiliateOrdersResponseData`
 * (`next_page_token`, `orders`, `total_count`), `…ResponseDataOrders` (`id`, `create_time`,
 * `delivery_time`, `status`, `skus`), `…ResponseDataOrdersSkus` (`estimated_commission`,
 * `estimated_bonus_commission`, `estimated_shop_ads_commission`,
 * `estimated_creator_commission_reward_fee`, the same four `actual_*`, `quantity`, `commission_rate`,
 * `shop_name`, `product_name`) and `…SkusActualCommission` (`{amount, currency}`, both strings).
 * The request side: `api/affiliateCreatorV202410Api.ts` `OrdersSearchPost` (page_size, page_token
 * in the query; `…RequestBody` `create_time_ge`/`create_time_lt` in the JSON body).
 *
 * An order's commission is the sum of its SKUs' four parts (standard, bonus, shop ads, reward):
 * the SDK documents `commission_rate` as the sum of those rates. A docs sample shows amounts
 * formatted for a locale ("Rp9.900"): such an order is skipped and reported, never guessed at.
 */
import { z } from "zod";
import { add, type Money, parseMoney, toDecimal, zero } from "../../money/money.ts";
import type { CreatorOrderRecord } from "../port.ts";
import { moneyString, nextToken, optionalTime, rawList, requiredTime } from "./schemas.ts";
import { readEach, unknownValue } from "./tolerant.ts";

/** The statuses the docs name (reference §7; the SDK also lists AWAITING PAYMENT and To-SETTLE). */
const CREATOR_ORDER_STATUSES: ReadonlySet<string> = new Set([
  "UNSPECIFIED",
  "ORDERED",
  "SETTLED",
  "REFUNDED",
  "FROZEN",
  "DEDUCTED",
]);

const commission = z.object({ amount: moneyString, currency: z.string().trim().min(3) }).nullish();

const PARTS = ["commission", "bonus_commission", "shop_ads_commission", "creator_commission_reward_fee"];

const skuSchema = z.object({
  estimated_commission: commission,
  estimated_bonus_commission: commission,
  estimated_shop_ads_commission: commission,
  estimated_creator_commission_reward_fee: commission,
  actual_commission: commission,
  actual_bonus_commission: commission,
  actual_shop_ads_commission: commission,
  actual_creator_commission_reward_fee: commission,
});
type Sku = z.output<typeof skuSchema>;

const orderSchema = z
  .object({
    id: z.string().min(1),
    create_time: requiredTime,
    delivery_time: optionalTime,
    status: z.string().trim().min(1),
    skus: z.array(skuSchema).min(1),
  })
  .transform((o, ctx): CreatorOrderRecord => {
    const amounts = o.skus.flatMap((s) =>
      PARTS.flatMap((p) => {
        const est = s[`estimated_${p}` as keyof Sku];
        const act = s[`actual_${p}` as keyof Sku];
        return [est ? { ...est, actual: false } : null, act ? { ...act, actual: true } : null];
      }).filter((a) => a !== null),
    );
    const currencies = [...new Set(amounts.map((a) => a.currency.toUpperCase()))];
    if (currencies.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["skus"],
        message: currencies.length === 0 ? "no commission amount" : "commission in several currencies",
      });
      return z.NEVER;
    }
    const currency = currencies[0]!;
    let estimated: Money;
    let actual: Money;
    try {
      estimated = zero(currency);
      actual = zero(currency);
      for (const a of amounts) {
        const value = parseMoney(a.amount.trim(), currency);
        if (a.actual) actual = add(actual, value);
        else estimated = add(estimated, value);
      }
    } catch (error) {
      // An unknown currency code or an amount finer than it allows: skipped and reported.
      ctx.addIssue({ code: "custom", path: ["skus"], message: (error as Error).message });
      return z.NEVER;
    }
    return {
      id: o.id,
      status: o.status.toUpperCase(),
      createTime: o.create_time,
      deliveryTime: o.delivery_time,
      currency,
      estimated: toDecimal(estimated),
      actual: toDecimal(actual),
      skus: o.skus.length,
    };
  });

/** `data` of POST /affiliate_creator/202410/orders/search. */
export const creatorOrdersDataSchema = z
  .object({ next_page_token: nextToken, orders: rawList })
  .transform((d) => ({
    ...readEach(d.orders, orderSchema, (o) => unknownValue(CREATOR_ORDER_STATUSES, o.id, "status", o.status)),
    next: d.next_page_token,
  }));
