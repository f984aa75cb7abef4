import { describe, expect, it } from "vitest";
import { listShopTokens, matchShops, shopToken } from "../../src/core/match-shop.ts";

const US = { name: "Sandbox Outdoor (US)", externalId: "7000000000000001", region: "US" };
const VN = { name: "Sandbox Thời Trang (VN)", externalId: "7000000000000002", region: "VN" };
const SHOPS = [US, VN];

describe("shop: matching", () => {
  it.each([
    ["Sandbox Outdoor (US)", US],
    ["sandbox outdoor (us)", US],
    ['"Sandbox Thời Trang (VN)"', VN],
    ["us", US],
    ["VN", VN],
    ["outdoor", US],
    ["Out", US],
    ["thoi", VN],
    ["trang", VN],
    ["Thời Trang", VN],
    ["sandbox o", US],
    ["7000000000000002", VN],
  ])("%s names one shop", (typed, shop) => {
    expect(matchShops(SHOPS, typed)).toEqual([shop]);
  });

  it("a GB shop answers to uk as well as gb, and is offered as shop:uk", () => {
    const shop = { name: "Acme Home", externalId: "7000000000000003", region: "GB" };
    const shops = [US, VN, shop];
    expect(matchShops(shops, "uk")).toEqual([shop]);
    expect(matchShops(shops, "GB")).toEqual([shop]);
    expect(shopToken(shops, shop)).toBe("shop:uk");
  });

  it("a word both names share is ambiguous, and nothing matches an unknown name", () => {
    expect(matchShops(SHOPS, "sandbox")).toEqual([US, VN]);
    expect(matchShops(SHOPS, "acme")).toEqual([]);
    expect(matchShops(SHOPS, "  ")).toEqual([]);
  });

  it("lists the exact text to type for each shop", () => {
    expect(shopToken(SHOPS, US)).toBe("shop:us");
    expect(listShopTokens(SHOPS)).toBe("shop:us (Sandbox Outdoor (US)) or shop:vn (Sandbox Thời Trang (VN))");
    const twins = [
      { name: "Acme Store", externalId: "1", region: "US" },
      { name: "Acme Outlet", externalId: "2", region: "US" },
    ];
    expect(twins.map((s) => shopToken(twins, s))).toEqual(["shop:store", "shop:outlet"]);
    const same = [
      { name: "Acme", externalId: "1", region: "US" },
      { name: "Acme", externalId: "2", region: "US" },
    ];
    expect(shopToken(same, same[0]!)).toBe("shop:1");
  });
});
