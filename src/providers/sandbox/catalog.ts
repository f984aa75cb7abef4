/** The sandbox seller: its app credentials, its three shops and their products. */

/** App key of the sandbox shop (not a secret: it only opens the local fake). */
export const SANDBOX_APP_KEY = "sandbox_app_6f2c1a";
/** App secret of the sandbox shop. */
export const SANDBOX_APP_SECRET = "sandbox_secret_9d4e7b1c3a5f";
/** The auth code the sandbox accepts once at /api/v2/token/get. */
export const SANDBOX_AUTH_CODE = "sandbox-auth-code";

export const SANDBOX_SELLER = {
  openId: "sbx-open-id-7f3a",
  name: "Sandbox Trading Co.",
  region: "US",
  scopes: ["seller.authorization.info", "seller.finance.info"],
} as const;

/** The auth code the sandbox accepts once for the sandbox creator (user type 1). */
export const SANDBOX_CREATOR_AUTH_CODE = "sandbox-creator-auth-code";

/**
 * The sandbox's affiliate creator (user type 1, no shop_cipher): it earns commission on the
 * sandbox shops' products (reference §7), in USD.
 */
export const SANDBOX_CREATOR = {
  openId: "sbx-creator-open-id-2c9d",
  name: "Sandbox Creator @trailtalks",
  region: "US",
  currency: "USD",
  digits: 2,
  scopes: ["creator.affiliate_collaboration.read"],
} as const;

export interface CatalogSku {
  skuId: string;
  skuName: string;
  productName: string;
  /** Unit price in minor units. */
  price: bigint;
}

export interface SandboxShopDef {
  /** Small index used in ids and PRNG keys. */
  no: number;
  id: string;
  name: string;
  region: string;
  currency: string;
  /** Currency digits: USD 2, VND 0. */
  digits: number;
  sellerType: string;
  cipher: string;
  code: string;
  /** Payments (non-SEA) or withdrawals (SEA). */
  payouts: "payments" | "withdrawals";
  /**
   * A cross-border shop's payout currency when it differs from the one it settles in: its
   * payments carry `exchange_rate` and `payment_amount_before_exchange` (reference §3.3).
   */
  payoutCurrency?: { currency: string; digits: number; rateMin: number; rateMax: number };
  /** Order volume against the sandbox's orders per day, in percent. */
  volumePct: number;
  /** UK/US local sellers have reserve rows. */
  reserve: boolean;
  /** Price rounding step in minor units. */
  step: bigint;
  /** Fee rates in basis points. */
  commissionBp: number;
  transactionFeeBp: number;
  affiliateBp: number;
  /** Tax withheld per order (VN household businesses: VAT + PIT), basis points each; 0 = none. */
  taxBp: number;
  /** Shipping cost range in minor units. */
  shipping: readonly [number, number];
  skus: readonly CatalogSku[];
}

function skus(prefix: string, items: readonly (readonly [string, readonly (readonly [string, number])[]])[]) {
  const out: CatalogSku[] = [];
  items.forEach(([productName, variants], p) => {
    variants.forEach(([skuName, price], v) => {
      out.push({
        skuId: `${prefix}${String(p + 1).padStart(2, "0")}${v + 1}`,
        skuName,
        productName,
        price: BigInt(price),
      });
    });
  });
  return out;
}

export const US_SHOP: SandboxShopDef = {
  no: 1,
  id: "7495610000000001001",
  name: "Sandbox Outdoor (US)",
  region: "US",
  currency: "USD",
  digits: 2,
  sellerType: "LOCAL",
  cipher: "GCP_sbxUS0aaAAABh00qsWgtvOiGFNqy",
  code: "USLCSBX01",
  payouts: "payments",
  volumePct: 100,
  reserve: true,
  step: 1n,
  commissionBp: 600,
  transactionFeeBp: 290,
  affiliateBp: 1000,
  taxBp: 0,
  shipping: [399, 899],
  skus: skus("17295000000010", [
    [
      "Trail Water Bottle 750ml",
      [
        ["Slate", 2499],
        ["Sand", 2499],
      ],
    ],
    [
      "Packable Rain Jacket",
      [
        ["S", 6900],
        ["M", 6900],
        ["L", 7200],
      ],
    ],
    ["Camp Mug Set (2)", [["Default", 1850]]],
    ["LED Headlamp 400lm", [["Black", 2995]]],
    [
      "Merino Hiking Socks",
      [
        ["M", 1599],
        ["L", 1599],
      ],
    ],
    [
      "Ultralight Daypack 20L",
      [
        ["Olive", 5400],
        ["Navy", 5400],
      ],
    ],
  ]),
};

export const VN_SHOP: SandboxShopDef = {
  no: 2,
  id: "7495610000000002002",
  name: "Sandbox Thời Trang (VN)",
  region: "VN",
  currency: "VND",
  digits: 0,
  sellerType: "LOCAL",
  cipher: "ROW_sbxVNqBgAAAAeVAQra0eZWebFQq5",
  code: "VNLCSBX02",
  payouts: "withdrawals",
  volumePct: 100,
  reserve: false,
  step: 1000n,
  commissionBp: 500,
  transactionFeeBp: 400,
  affiliateBp: 800,
  taxBp: 50,
  shipping: [15000, 35000],
  skus: skus("17295000000020", [
    [
      "Áo thun cotton basic",
      [
        ["Trắng / M", 159000],
        ["Đen / L", 159000],
      ],
    ],
    [
      "Quần jean ống suông",
      [
        ["28", 389000],
        ["30", 389000],
      ],
    ],
    ["Túi tote vải canvas", [["Be", 129000]]],
    [
      "Váy hoa nhí",
      [
        ["S", 259000],
        ["M", 259000],
      ],
    ],
    ["Mũ bucket", [["Xanh", 99000]]],
  ]),
};

/**
 * A cross-border shop: it sells in the UK and settles in GBP, and TikTok pays it out in USD (a
 * seller based outside the UK with a dollar account), at an exchange rate stated per payment in
 * millionths (1.25–1.29 USD per GBP). Which payout currencies TikTok offers cross-border sellers
 * is not in the API docs: USD is an assumption; only the fields' meaning (§3.3) is documented.
 * Cross-border sellers in the UK have no reserve rows; its statements take the UK shape.
 */
export const UK_SHOP: SandboxShopDef = {
  no: 3,
  id: "7495610000000003003",
  name: "Sandbox Home (UK)",
  region: "GB",
  currency: "GBP",
  digits: 2,
  sellerType: "CROSS_BORDER",
  cipher: "GCP_sbxGBcBAAAAm3Wq8kTzRdYxPLe7",
  code: "GBCBSBX03",
  payouts: "payments",
  payoutCurrency: { currency: "USD", digits: 2, rateMin: 1_250_000, rateMax: 1_290_000 },
  volumePct: 50,
  reserve: false,
  step: 1n,
  commissionBp: 900,
  transactionFeeBp: 0,
  affiliateBp: 1000,
  taxBp: 0,
  shipping: [299, 599],
  skus: skus("17295000000030", [
    [
      "Linen Cushion Cover",
      [
        ["Oat", 1499],
        ["Sage", 1499],
      ],
    ],
    ["Ceramic Plant Pot 15cm", [["White", 1250]]],
    [
      "Bamboo Bath Towel Set",
      [
        ["Grey", 2999],
        ["Cream", 2999],
      ],
    ],
    ["Scented Soy Candle", [["Fig", 1800]]],
  ]),
};

/** Every shop of the sandbox seller. */
export const SANDBOX_SHOPS: readonly SandboxShopDef[] = [US_SHOP, VN_SHOP, UK_SHOP];

/**
 * The seller's shops when it has `count` of them (the bench and the replica tests sync hundreds):
 * the three above, then copies of them in turn, each with its own number, id and cipher, so each
 * has its own seeded history and its own rate-limit bucket.
 */
export function sandboxShops(count: number): readonly SandboxShopDef[] {
  if (count <= SANDBOX_SHOPS.length) return SANDBOX_SHOPS.slice(0, Math.max(1, count));
  const shops = [...SANDBOX_SHOPS];
  for (let no = SANDBOX_SHOPS.length + 1; no <= count; no++) {
    const base = SANDBOX_SHOPS[(no - 1) % SANDBOX_SHOPS.length] as SandboxShopDef;
    shops.push({
      ...base,
      no,
      id: `749562${String(no).padStart(13, "0")}`,
      name: `${base.name} #${no}`,
      cipher: `${base.cipher.slice(0, 9)}${String(no).padStart(7, "0")}${base.cipher.slice(16)}`,
      code: `${base.code}${no}`,
    });
  }
  return shops;
}

export function shopByCipher(
  cipher: string,
  shops: readonly SandboxShopDef[] = SANDBOX_SHOPS,
): SandboxShopDef | undefined {
  return shops.find((s) => s.cipher === cipher);
}
