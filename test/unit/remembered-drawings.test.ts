import { describe, expect, it } from "vitest";
import type { ChartRenderer, ChartSpec, WaterfallSpec } from "../../src/charts/port.ts";
import { rememberDrawings } from "../../src/charts/remembered.ts";

/** A renderer that counts its drawings; `fail` makes the next one fail. */
function counting() {
  const drawn: string[] = [];
  let fail = false;
  const renderer: ChartRenderer = {
    render: async (spec: ChartSpec) => {
      drawn.push(spec.title);
      if (fail) {
        fail = false;
        throw new Error("canvas broke");
      }
      return new TextEncoder().encode(`png of ${spec.title}`);
    },
    renderWaterfall: async (spec: WaterfallSpec) => {
      drawn.push(`waterfall ${spec.title}`);
      return new TextEncoder().encode(`png of waterfall ${spec.title}`);
    },
  };
  return { renderer, drawn, failNext: () => (fail = true) };
}

const spec = (title: string): ChartSpec => ({
  title,
  currency: "USD",
  days: ["2026-12-01", "2026-12-02"],
  settled: ["1.00", "2.50"],
  payouts: [],
  pending: null,
});
const text = (png: Uint8Array) => new TextDecoder().decode(png);

// The outbox draws a digest's chart once for all the channels it fans out to (src/delivery/worker.ts).
describe("remembered drawings", () => {
  it("draws a spec once, however many sends ask for it, even at once", async () => {
    const { renderer, drawn } = counting();
    const charts = rememberDrawings(renderer);
    const pngs = await Promise.all([1, 2, 3].map(() => charts.render(spec("Shop A"))));
    expect(pngs.map(text)).toEqual(["png of Shop A", "png of Shop A", "png of Shop A"]);
    expect(text(await charts.render(spec("Shop B")))).toBe("png of Shop B");
    expect(drawn).toEqual(["Shop A", "Shop B"]);
    // The same renderer is wrapped once: every drain shares what was drawn.
    expect(rememberDrawings(renderer)).toBe(charts);
  });

  it("a different spec (one more amount) is a new drawing", async () => {
    const { renderer, drawn } = counting();
    const charts = rememberDrawings(renderer);
    await charts.render(spec("Shop A"));
    await charts.render({ ...spec("Shop A"), settled: ["1.00", "2.51"] });
    expect(drawn).toHaveLength(2);
  });

  it("forgets a failed drawing, so the next send draws again", async () => {
    const { renderer, drawn, failNext } = counting();
    const charts = rememberDrawings(renderer);
    failNext();
    await expect(charts.render(spec("Shop A"))).rejects.toThrow("canvas broke");
    expect(text(await charts.render(spec("Shop A")))).toBe("png of Shop A");
    expect(drawn).toEqual(["Shop A", "Shop A"]);
  });

  it("keeps only the last 16 drawings", async () => {
    const { renderer, drawn } = counting();
    const charts = rememberDrawings(renderer);
    for (let i = 0; i < 17; i++) await charts.render(spec(`Shop ${i}`));
    await charts.render(spec("Shop 16"));
    await charts.render(spec("Shop 0"));
    expect(drawn.filter((t) => t === "Shop 16")).toHaveLength(1);
    expect(drawn.filter((t) => t === "Shop 0")).toHaveLength(2);
  });
});
