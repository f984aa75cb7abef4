import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createCanvas } from "@napi-rs/canvas";
import { Chart, registerables } from "chart.js";
import { afterEach, describe, expect, it } from "vitest";
import { loadChartFont, THAI_FONT_FAMILY } from "../../src/charts/font.ts";
import { buildChartConfig, createChartRenderer } from "../../src/charts/index.ts";
import { createLocalRenderer } from "../../src/charts/local.ts";
import type { ChartSpec } from "../../src/charts/port.ts";
import { createQuickChartRenderer } from "../../src/charts/quickchart.ts";
import { wrapTitle } from "../../src/charts/text.ts";

Chart.register(...registerables);

const LONG_TITLE = "Sandbox US Shop · settled per day · 2026-10-29 – 2026-11-27 · America/Los_Angeles · USD";

function isoDays(start: string, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

/** A spec with every feature: a negative day, a zero day, all payout states, a zero payout, pending, goal. */
function usdSpec(count = 30): ChartSpec {
  const days = isoDays("2026-10-29", count);
  const at = (i: number) => days[Math.min(i, days.length - 1)]!;
  return {
    title: LONG_TITLE,
    currency: "USD",
    days,
    settled: days.map((_, i) => (i === 1 ? "-212.40" : i === 2 ? "0" : `${800 + ((i * 37) % 900)}.25`)),
    payouts: [
      { day: at(3), amount: "4210.55", status: "PAID" },
      { day: at(5), amount: "0", status: "PAID" },
      { day: at(7), amount: "4800.10", status: "FAILED" },
      { day: at(9), amount: "3900", status: "PROCESSING" },
      { day: "2020-01-01", amount: "99", status: "PAID" },
    ],
    pending: "2345.67",
    goalPerDay: "1000",
  };
}

function vndSpec(count = 90): ChartSpec {
  const days = isoDays("2026-08-30", count);
  return {
    title: "Cửa hàng Sài Gòn · settled per day · 2026-08-30 – 2026-11-27 · Asia/Ho_Chi_Minh · VND",
    currency: "VND",
    days,
    settled: days.map((_, i) =>
      i % 11 === 4 ? "-1850000" : String(2_000_000 + ((i * 733_331) % 9_000_000)),
    ),
    payouts: days
      .filter((_, i) => i % 7 === 2)
      .map((day, i) => ({ day, amount: String(30_000_000 + i * 1_250_000), status: "PAID" as const })),
    pending: "48500000",
    goalPerDay: null,
  };
}

/** Draws the config with Chart.js and returns the y-axis labels a reader would see. */
function yTickLabels(spec: ChartSpec): string[] {
  const config = buildChartConfig(spec);
  const canvas = createCanvas(1000, 500);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false },
  });
  try {
    return chart.scales.y!.ticks.map((tick) => String(tick.label));
  } finally {
    chart.destroy();
  }
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("buildChartConfig", () => {
  it("has settled bars, a negative-day key, pending off the daily axis (in the legend), payout markers and a goal line", () => {
    const spec = usdSpec();
    const config = buildChartConfig(spec);
    const datasets = config.data.datasets;

    expect(datasets.map((d) => d.label)).toEqual([
      "settled",
      "negative day",
      "pending (est.) $2,345.67, not a day: not drawn",
      "payout paid",
      "payout processing",
      "payout failed",
      "goal $1,000.00/day",
    ]);
    expect(config.data.labels?.slice(0, 4)).toEqual(["Oct 29", "Oct 30", "Oct 31", "Nov 1"]);
    expect(config.data.labels).toHaveLength(30);

    const [settled, negative, pending, paid, processing, failed, goal] = datasets;
    expect(settled?.data.slice(0, 4)).toEqual([800.25, null, 0, 911.25]);
    expect(negative?.data.slice(0, 4)).toEqual([null, -212.4, null, null]);
    expect(pending?.data.every((v) => v === null)).toBe(true);
    // The payout outside the charted days is left off; the zero payout stays.
    expect(paid?.data).toEqual([
      { x: "Nov 1", y: 4210.55 },
      { x: "Nov 3", y: 0 },
    ]);
    expect(processing?.data).toEqual([{ x: "Nov 7", y: 3900 }]);
    expect(failed?.data).toEqual([{ x: "Nov 5", y: 4800.1 }]);
    expect(new Set([paid, processing, failed].map((d) => d && "pointStyle" in d && d.pointStyle)).size).toBe(
      3,
    );
    expect(goal?.data.every((v) => v === 1000)).toBe(true);
  });

  it("leaves out what the spec does not have", () => {
    const spec: ChartSpec = { ...usdSpec(3), settled: ["1", "2", "3"], payouts: [], pending: null };
    delete spec.goalPerDay;
    expect(buildChartConfig(spec).data.datasets.map((d) => d.label)).toEqual(["settled"]);
  });

  it("sums the period exactly in the subtitle", () => {
    const spec: ChartSpec = {
      ...usdSpec(3),
      settled: ["0.10", "0.20", "-0.05"],
      payouts: [{ day: "2026-10-30", amount: "0.30", status: "PAID" }],
    };
    expect(buildChartConfig(spec).options?.plugins?.subtitle?.text).toBe(
      "settled $0.25 in 3 days · paid out $0.30 (1)",
    );
  });

  it("is plain JSON data, so QuickChart receives exactly what the local renderer draws", () => {
    const config = buildChartConfig(usdSpec());
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it("formats the USD axis as dollars with at most cents", () => {
    const labels = yTickLabels(usdSpec());
    expect(labels).toContain("$1,000");
    expect(labels).toContain("-$1,000");
    for (const label of labels.filter((l) => l !== "0")) expect(label).toMatch(/^-?\$[\d,]+(\.\d{1,2})?$/);
  });

  it("formats large VND amounts compactly, with no fraction digits of the currency", () => {
    const labels = yTickLabels(vndSpec());
    expect(labels).toContain("₫10M");
    for (const label of labels.filter((l) => l !== "0")) expect(label).toMatch(/^-?₫\d+(\.\d+)?M$/);
  });

  it("never shows VND fractions on a small axis", () => {
    const spec: ChartSpec = { ...vndSpec(3), settled: ["1.5", "2", "3"], payouts: [], pending: null };
    const labels = yTickLabels(spec);
    for (const label of labels.filter((l) => l !== "0")) expect(label).toMatch(/^₫\d+$/);
  });

  it("wraps a long title into two lines without losing text, and keeps a short one whole", () => {
    const lines = buildChartConfig(usdSpec()).options?.plugins?.title?.text;
    expect(lines).toEqual([
      "Sandbox US Shop · settled per day",
      "2026-10-29 – 2026-11-27 · America/Los_Angeles · USD",
    ]);
    expect(buildChartConfig({ ...usdSpec(), title: "Shop · USD" }).options?.plugins?.title?.text).toEqual([
      "Shop · USD",
    ]);
    // Too long for two lines: a third, every word kept (a " · " at a line break becomes the break).
    const title = `${"very-long-shop-name ".repeat(12)}· USD`;
    const wrapped = wrapTitle(title, 60);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(60);
    const words = (text: string) => text.split(/[\s·]+/).filter(Boolean);
    expect(wrapped.flatMap(words)).toEqual(words(title));
  });

  it("rejects a spec whose amounts are not exact decimals or do not match its days", () => {
    expect(() => buildChartConfig({ ...usdSpec(3), settled: ["1", "2", "abc"] })).toThrow(/settled\[2\]/);
    expect(() => buildChartConfig({ ...usdSpec(3), settled: ["1"] })).toThrow(/3 days but 1/);
  });
});

describe("local renderer", () => {
  it("has a font that draws text", () => {
    const font = loadChartFont();
    expect(font.source).not.toBe("none");
    const canvas = createCanvas(200, 40);
    const ctx = canvas.getContext("2d");
    ctx.font = `20px ${font.family}`;
    ctx.fillStyle = "#000";
    ctx.fillText("Settled ₫", 4, 28);
    const pixels = ctx.getImageData(0, 0, 200, 40).data;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) inked++;
    expect(inked).toBeGreaterThan(100);
  });

  it("draws Thai (a shop name, a label) with the Thai font, not DejaVu's missing glyphs", () => {
    const font = loadChartFont();
    expect(font.family).toContain(THAI_FONT_FAMILY);
    const draw = (family: string) => {
      const canvas = createCanvas(200, 40);
      const ctx = canvas.getContext("2d");
      ctx.font = `20px ${family}`;
      ctx.fillStyle = "#000";
      ctx.fillText("ร้านค้า", 4, 28);
      return ctx.getImageData(0, 0, 200, 40).data;
    };
    const mixed = draw(font.family);
    let inked = 0;
    for (let i = 3; i < mixed.length; i += 4) if ((mixed[i] ?? 0) > 0) inked++;
    expect(inked).toBeGreaterThan(100);
    // Through the family list, the glyphs are exactly the Thai font's.
    expect(Buffer.from(mixed).equals(Buffer.from(draw(`'${THAI_FONT_FAMILY}'`)))).toBe(true);
  });

  it.each([1, 30, 90])("returns a 1000×500 PNG for %i days", async (count) => {
    const renderer = createLocalRenderer();
    const png = await renderer.render(count === 90 ? vndSpec(90) : usdSpec(count));
    expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
    expect(png.byteLength).toBeGreaterThan(5_000);
  });

  it("honours size and pixel ratio", async () => {
    const renderer = createLocalRenderer({ width: 600, height: 300, devicePixelRatio: 2 });
    expect(pngSize(await renderer.render(usdSpec(7)))).toEqual({ width: 1200, height: 600 });
  });

  it("draws a chart the same on a reused canvas as on a fresh one, whatever was drawn before", async () => {
    const fresh = async (spec: ChartSpec) => Buffer.from(await createLocalRenderer().render(spec));
    const expected = { usd: await fresh(usdSpec(30)), vnd: await fresh(vndSpec(90)) };
    expect(expected.usd.equals(expected.vnd)).toBe(false);
    const reused = createLocalRenderer();
    // One after the other (the canvas is redrawn) and two at once (each gets its own canvas).
    const [a, b] = [await reused.render(vndSpec(90)), await reused.render(usdSpec(30))];
    const [c, d] = await Promise.all([reused.render(vndSpec(90)), reused.render(usdSpec(30))]);
    for (const png of [b, d]) expect(Buffer.from(png).equals(expected.usd)).toBe(true);
    for (const png of [a, c]) expect(Buffer.from(png).equals(expected.vnd)).toBe(true);
  });

  it("is what createChartRenderer gives for renderer local", async () => {
    const png = await createChartRenderer({ renderer: "local", quickchartUrl: undefined }).render(usdSpec(2));
    expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
  });
});

describe("QuickChart renderer", () => {
  const FAKE_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  let server: Server | undefined;

  afterEach(async () => {
    server?.close();
    if (server) await once(server, "close");
    server = undefined;
  });

  interface Received {
    method: string | undefined;
    url: string | undefined;
    contentType: string | undefined;
    body: Record<string, unknown>;
  }

  async function fakeQuickChart(status = 200): Promise<{ base: string; received: Received[] }> {
    const received: Received[] = [];
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({
        method: req.method,
        url: req.url,
        contentType: req.headers["content-type"],
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
      });
      if (status !== 200) {
        res.writeHead(status, { "x-quickchart-error": "bad chart" }).end();
        return;
      }
      res.writeHead(200, { "content-type": "image/png" }).end(FAKE_PNG);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    return { base: `http://127.0.0.1:${port}`, received };
  }

  it("posts the shared config as JSON with size, format and Chart.js 4, and returns the PNG", async () => {
    const { base, received } = await fakeQuickChart();
    const spec = usdSpec();
    const png = await createQuickChartRenderer({ url: `${base}/qc/` }).render(spec);

    expect([...png]).toEqual([...FAKE_PNG]);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/qc/chart");
    expect(request?.contentType).toBe("application/json");
    expect(request?.body).toMatchObject({
      width: 1000,
      height: 500,
      format: "png",
      version: "4",
      backgroundColor: "#FFFFFF",
      devicePixelRatio: 1,
    });
    expect(JSON.parse(String(request?.body.chart))).toEqual(buildChartConfig(spec, { width: 1000 }));
  });

  it("is what createChartRenderer gives for renderer quickchart", async () => {
    const { base, received } = await fakeQuickChart();
    await createChartRenderer({ renderer: "quickchart", quickchartUrl: base }).render(vndSpec(5));
    expect(received[0]?.url).toBe("/chart");
  });

  it("fails with the server's status and error header", async () => {
    const { base } = await fakeQuickChart(400);
    await expect(createQuickChartRenderer({ url: base }).render(usdSpec(3))).rejects.toThrow(
      /status code 400[\s\S]*bad chart/,
    );
  });

  it("needs a URL", () => {
    expect(() => createChartRenderer({ renderer: "quickchart" })).toThrow(/quickchartUrl/);
  });
});
