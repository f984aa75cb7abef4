import { describe, expect, it } from "vitest";
import type { ChartRenderer, ChartSpec } from "../../src/charts/port.ts";
import { reply } from "../../src/core/reply.ts";
import { alertView, digestView, fromView, parseView } from "../../src/delivery/payload.ts";

/** A renderer that says which spec it drew, so the test can see charts come back in order. */
const renderer: ChartRenderer = {
  async render(spec: ChartSpec) {
    return new TextEncoder().encode(spec.title);
  },
  async renderWaterfall(spec) {
    return new TextEncoder().encode(spec.title);
  },
};

const spec: ChartSpec = {
  title: "Outdoor US · settled per day · Jun 1 – Jun 2 · America/Los_Angeles · USD",
  currency: "USD",
  days: ["2026-06-01", "2026-06-02"],
  settled: ["120.5", "-3"],
  payouts: [{ day: "2026-06-02", amount: "100", status: "PAID" }],
  pending: null,
};

describe("outbox views", () => {
  it("a digest survives the trip through a row (JSON) and comes back with its charts drawn", async () => {
    const digest = reply({
      kind: "digest",
      title: "Daily digest · Outdoor US",
      summary: "Settled $117.50",
      sections: [{ fields: [{ label: "Settled", value: "$117.50", clock: "settled" }] }, { notes: ["n"] }],
      timestamp: new Date("2026-06-10T09:00:00Z"),
    });
    const stored = JSON.parse(
      JSON.stringify(digestView(digest, [{ spec, filename: "a.png", alt: "A", section: 0 }])),
    );
    const parsed = parseView(stored);
    if (!parsed.ok) throw new Error(parsed.reason);
    const back = await fromView(parsed.view, renderer);
    expect(back).toEqual({
      ...digest,
      charts: [{ filename: "a.png", alt: "A", section: 0, png: new TextEncoder().encode(spec.title) }],
    });
  });

  it("an alert keeps no chart, and its kind is the view's", () => {
    const view = alertView("payout_failed", reply({ title: "⚠ Payout failed" }));
    expect(view).toEqual({
      kind: "payout_failed",
      reply: { kind: "report", title: "⚠ Payout failed", sections: [], ephemeral: false },
    });
  });

  it("names what is wrong with a payload that is not a view", () => {
    expect(parseView(null)).toEqual({
      ok: false,
      reason: "malformed payload: not a view this version knows (kind: none)",
    });
    expect(parseView({ kind: "test", reply: {} })).toEqual({
      ok: false,
      reason: 'malformed payload: not a view this version knows (kind: "test")',
    });
    expect(
      parseView({ kind: "goal", reply: { kind: "report", title: "x", sections: "none", ephemeral: false } }),
    ).toEqual({
      ok: false,
      reason: "malformed payload: reply.sections: Invalid input: expected array, received string",
    });
    const badAmount = { ...spec, settled: ["1,200.00", "0"] };
    const digest = JSON.parse(
      JSON.stringify(digestView(reply({ title: "d" }), [{ spec: badAmount, filename: "a.png", alt: "A" }])),
    );
    expect(parseView(digest)).toEqual({
      ok: false,
      reason: "malformed payload: charts.0.spec.settled.0: a decimal amount",
    });
  });
});
