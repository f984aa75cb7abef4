import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { statements } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A displayed amount ("-$2,380.49", "₫1,234,000", "£0.50") in the currency's minor units. */
function minor(shown: string): bigint {
  const digits = shown.replace(/[^\d]/g, "");
  return (shown.trim().startsWith("-") ? -1n : 1n) * BigInt(digits || "0");
}

describe("/balance breakdown adds up to the settlement, whatever the seed", () => {
  it.each([7, 42, 20261128])(
    "seed %i: sales + every line = the statements' settlement, to the unit",
    async (seed) => {
      app = await createTestApp({
        clock: () => NOW,
        sandbox: { seed, startAt: NOW, now: () => NOW, historyDays: 14, ordersPerDay: 6 },
      });
      const shops = await listAllShops(app.database.db);
      expect(shops.map((s) => s.currency).sort()).toEqual(["GBP", "USD", "VND"]);
      for (const shop of shops) {
        const reply = await app.ask(`/balance breakdown 90d shop:${shop.externalId}`);
        expect(reply.kind).toBe("report");
        const [section] = reply.sections;
        const field = (label: string) => section!.fields!.find((f) => f.label === label)!.value;
        const rows = section!.table!.rows;
        // Nothing is left unexplained on the sandbox, whose breakdowns itemise every amount:
        // a rounding gap would show as its own line, never be absorbed.
        expect(rows.map((r) => r[0])).not.toContain("Not itemised by TikTok (settlement − lines)");
        expect((section!.notes ?? []).some((n) => n.includes("smaller line"))).toBe(false);
        const lines = rows.reduce((total, r) => total + minor(r[1]!), 0n);
        expect(minor(field("Sales before discounts")) + lines).toBe(minor(field("Settlement")));
        const [stated] = await app.database.db
          .select({ total: sql<string>`coalesce(sum(${statements.settlement}), 0)::text` })
          .from(statements)
          .where(and(eq(statements.shopId, shop.id), eq(statements.currency, shop.currency!)));
        const digits = shop.currency === "VND" ? 0 : 2;
        const [whole, fraction = ""] = stated!.total.split(".");
        const statedMinor = BigInt(`${whole}${fraction.padEnd(digits, "0").slice(0, digits)}`);
        expect(minor(field("Settlement"))).toBe(statedMinor);
        expect(section!.notes).toContain(
          `Sales before discounts ${field("Sales before discounts")} + every line = settlement ${field("Settlement")}, exactly.`,
        );
      }
    },
    120_000,
  );
});
