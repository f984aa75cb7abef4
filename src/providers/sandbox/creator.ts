/**
 * The sandbox creator's affiliate orders (reference §7), generated lazily like the shops' orders:
 * each is a pure function of (seed, day, index), and its status is read off the simulated clock.
 * An order is ORDERED (estimated commission only) until its commission settles a few days after
 * delivery (SETTLED, actual commission); some are refunded before that (REFUNDED, no commission)
 * and a few settled ones are clawed back later (DEDUCTED).
 */
import { formatMinor, percentOf } from "./amounts.ts";
import { SANDBOX_CREATOR, US_SHOP } from "./catalog.ts";
import { DAY, type World } from "./orders.ts";
import { rng } from "./prng.ts";

/** PRNG key space of the creator (shops use their own numbers). */
const CREATOR_KEY = 7701;
const RATES_BP = [1000, 1500, 2000] as const;
const SHOP_ADS_BP = 500;

interface CreatorSku {
  id: string;
  productName: string;
  quantity: number;
  price: bigint;
  commission: bigint;
  shopAds: bigint;
  rateBp: number;
}

export interface CreatorOrder {
  id: string;
  createTime: number;
  deliveryTime: number;
  settleTime: number;
  refundTime: number | null;
  deductTime: number | null;
  skus: CreatorSku[];
}

/** Orders created on a UTC day: 3–9 of them. */
function ordersOn(world: World, day: number): number {
  return rng(world.seed, CREATOR_KEY, day).int(3, 9);
}

export function buildCreatorOrder(world: World, day: number, index: number): CreatorOrder {
  const r = rng(world.seed, CREATOR_KEY, day, index);
  const createTime = day * DAY + r.int(0, DAY - 1);
  const deliveryTime = createTime + r.int(2, 4) * DAY;
  const settleTime = deliveryTime + r.int(3, 6) * DAY;
  const refunded = r.chance(0.08);
  const deducted = !refunded && r.chance(0.05);
  const skus: CreatorSku[] = [];
  const lines = r.int(1, 2);
  for (let i = 0; i < lines; i++) {
    const sku = r.pick(US_SHOP.skus);
    const quantity = r.int(1, 2);
    const rateBp = r.pick(RATES_BP);
    const base = sku.price * BigInt(quantity);
    const ads = r.chance(0.3);
    skus.push({
      id: sku.skuId,
      productName: sku.productName,
      quantity,
      price: sku.price,
      commission: percentOf(base, rateBp),
      shopAds: ads ? percentOf(base, SHOP_ADS_BP) : 0n,
      rateBp: rateBp + (ads ? SHOP_ADS_BP : 0),
    });
  }
  return {
    id: `5770${String(day).padStart(6, "0")}${String(index).padStart(4, "0")}`,
    createTime,
    deliveryTime,
    settleTime,
    refundTime: refunded ? createTime + r.int(1, 4) * DAY : null,
    deductTime: deducted ? settleTime + r.int(1, 3) * DAY : null,
    skus,
  };
}

/** The orders created in [ge, lt) that exist at `now`, oldest first. */
export function creatorOrdersBetween(world: World, now: number, ge: number, lt: number): CreatorOrder[] {
  const out: CreatorOrder[] = [];
  const first = Math.max(world.firstStatementDay, Math.floor(ge / DAY));
  const last = Math.floor(Math.min(lt - 1, now) / DAY);
  for (let day = first; day <= last; day++) {
    const count = ordersOn(world, day);
    for (let index = 0; index < count; index++) {
      const order = buildCreatorOrder(world, day, index);
      if (order.createTime >= ge && order.createTime < lt && order.createTime <= now) out.push(order);
    }
  }
  return out.sort((a, b) => a.createTime - b.createTime || (a.id < b.id ? -1 : 1));
}

export type CreatorStatus = "ORDERED" | "SETTLED" | "REFUNDED" | "DEDUCTED";

export function creatorStatus(order: CreatorOrder, now: number): CreatorStatus {
  if (order.refundTime !== null && order.refundTime <= now) return "REFUNDED";
  if (order.settleTime > now) return "ORDERED";
  if (order.deductTime !== null && order.deductTime <= now) return "DEDUCTED";
  return "SETTLED";
}

const amount = (units: bigint) => ({
  amount: formatMinor(units, SANDBOX_CREATOR.digits),
  currency: SANDBOX_CREATOR.currency,
});

/** An order as the API returns it: actual amounts only once settled (or deducted). */
export function creatorOrderJson(order: CreatorOrder, now: number): Record<string, unknown> {
  const status = creatorStatus(order, now);
  const actual = status === "SETTLED" || status === "DEDUCTED";
  return {
    id: order.id,
    create_time: order.createTime,
    delivery_time: order.deliveryTime <= now ? order.deliveryTime : 0,
    status,
    skus: order.skus.map((s) => ({
      id: s.id,
      product_name: s.productName,
      shop_name: US_SHOP.name,
      quantity: s.quantity,
      refunded_quantity: status === "REFUNDED" ? s.quantity : 0,
      commission_rate: s.rateBp,
      price: amount(s.price),
      estimated_commission: amount(s.commission),
      estimated_shop_ads_commission: amount(s.shopAds),
      ...(actual
        ? { actual_commission: amount(s.commission), actual_shop_ads_commission: amount(s.shopAds) }
        : {}),
      content_type: "VIDEO",
    })),
  };
}
