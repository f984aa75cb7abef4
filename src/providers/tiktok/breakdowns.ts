/**
 * TikTok's breakdown objects (reference §3.5): open maps of money strings, parsed tolerantly
 * (new keys are kept) and flattened to "fee.x", "tax.y", "revenue.z", "shipping.w",
 * "supplementary.v" for storage.
 */
import { z } from "zod";
import { decimalProblem } from "../../money/money.ts";

/**
 * A breakdown as an open map: every string leaf must be a decimal; nested objects (fee/tax,
 * shipping's supplementary_component) are walked; other leaf types are ignored.
 */
export const breakdown = z.record(z.string(), z.unknown()).nullish();
export type Breakdown = z.output<typeof breakdown>;

function flatten(prefix: string, value: Breakdown, out: Record<string, string>): void {
  if (!value) return;
  for (const [key, leaf] of Object.entries(value)) {
    const name = key === "supplementary_component" ? "supplementary" : key;
    if (typeof leaf === "string") {
      if (leaf !== "") out[`${prefix}.${name}`] = leaf.trim();
    } else if (leaf && typeof leaf === "object" && !Array.isArray(leaf)) {
      flatten(`${prefix}.${name}`, leaf as Record<string, unknown>, out);
    }
  }
}

function checkLeaves(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx): void {
  if (!value || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, leaf] of Object.entries(value)) {
    if (typeof leaf === "string" && leaf !== "") {
      const problem = decimalProblem(leaf);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [...path, key] });
    } else checkLeaves(leaf, [...path, key], ctx);
  }
}

const BREAKDOWNS = [
  "revenue_breakdown",
  "shipping_cost_breakdown",
  "fee_tax_breakdown",
  "supplementary_component",
] as const;

/** The four breakdown fields, to spread into a row schema. */
export const breakdowns = {
  revenue_breakdown: breakdown,
  shipping_cost_breakdown: breakdown,
  fee_tax_breakdown: breakdown,
  supplementary_component: breakdown,
};

/** All breakdowns of a row as one flat map. */
export function flattenAll(
  t: Partial<Record<(typeof BREAKDOWNS)[number], Breakdown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  flatten("revenue", t.revenue_breakdown, out);
  flatten("shipping", t.shipping_cost_breakdown, out);
  // fee_tax_breakdown is {fee:{…}, tax:{…}}: its children become "fee.x" and "tax.y".
  flatten("", t.fee_tax_breakdown, out);
  flatten("supplementary", t.supplementary_component, out);
  for (const key of Object.keys(out)) {
    if (key.startsWith(".")) {
      out[key.slice(1)] = out[key]!;
      delete out[key];
    }
  }
  return out;
}

/** Checks every money leaf of the breakdowns, reporting its full path. */
export function refineBreakdowns(t: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const key of BREAKDOWNS) checkLeaves(t[key], [key], ctx);
}
