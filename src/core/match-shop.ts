/** What a shop must have to be named in `shop:`. */
export interface NamedShop {
  name: string;
  externalId: string;
  region: string;
}

/** Lower case, accents off, punctuation as spaces: "Thời Trang (VN)" → "thoi trang vn". */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function wordsOf(shop: NamedShop): string[] {
  return fold(shop.name).split(" ").filter(Boolean);
}

/**
 * What people type for a region: its code, and for GB also "uk" (ISO 3166 reserves UK for the
 * United Kingdom; sellers and TikTok's own Seller Center say UK), which comes first.
 */
const REGION_ALIASES: Record<string, string> = { gb: "uk" };

function codesOf(shop: NamedShop): string[] {
  const region = fold(shop.region);
  const alias = REGION_ALIASES[region];
  return alias ? [alias, region] : [region];
}

/**
 * The shops `typed` names, most exact rule first: the id or the full name; the short code
 * (region, e.g. "us", or "uk" for GB); a prefix of the name; any word of the name. The first rule that
 * matches anything decides, so "us" is the US shop even if another name contains "us…".
 */
export function matchShops<S extends NamedShop>(shops: readonly S[], typed: string): S[] {
  const raw = typed.trim().replace(/^["']|["']$/g, "");
  const wanted = fold(raw);
  if (!wanted) return [];
  const rules: ((s: S) => boolean)[] = [
    (s) => s.externalId === raw || fold(s.name) === wanted,
    (s) => codesOf(s).includes(wanted),
    (s) => fold(s.name).startsWith(wanted),
    (s) => {
      const words = wordsOf(s);
      const parts = wanted.split(" ");
      return parts.every((p) => words.some((w) => w === p || w.startsWith(p)));
    },
  ];
  for (const rule of rules) {
    const found = shops.filter(rule);
    if (found.length > 0) return found;
  }
  return [];
}

/** The shortest text that names exactly this shop, as the user would type it: shop:us, shop:outdoor, shop:"Acme Store". */
export function shopToken<S extends NamedShop>(shops: readonly S[], shop: S): string {
  const candidates = [...codesOf(shop), ...wordsOf(shop)].filter((c) => c.length > 0);
  for (const candidate of candidates) {
    const found = matchShops(shops, candidate);
    if (found.length === 1 && found[0] === shop) return `shop:${candidate}`;
  }
  if (matchShops(shops, shop.name).length > 1) return `shop:${shop.externalId}`;
  return /\s/.test(shop.name) ? `shop:"${shop.name}"` : `shop:${shop.name}`;
}

/** "shop:us (Sandbox Outdoor (US)) or shop:vn (Sandbox Thời Trang (VN))" */
export function listShopTokens<S extends NamedShop>(shops: readonly S[]): string {
  const items = shops.map((s) => `${shopToken(shops, s)} (${s.name})`);
  return items.length <= 2 ? items.join(" or ") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
