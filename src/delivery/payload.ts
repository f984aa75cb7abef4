import type { ChartRenderer, ChartSpec } from "../charts/port.ts";
import type { Reply } from "../core/reply.ts";

/** A chart kept as its spec: a few KB per outbox row instead of a picture. */
export interface PayloadChart {
  spec: ChartSpec;
  filename: string;
  alt: string;
  /** The section it illustrates. */
  section?: number;
}

/**
 * What an outbox row carries: the reply without its PNGs (JSON), plus each chart's spec, which is
 * rendered again at send time.
 */
export interface DeliveryPayload {
  reply: Omit<Reply, "charts" | "timestamp"> & { timestamp?: string };
  charts?: PayloadChart[];
  /** Rows written before charts became a list carry one chart here. */
  chart?: PayloadChart;
}

export function toPayload(reply: Reply, charts?: readonly PayloadChart[]): DeliveryPayload {
  const { charts: _png, timestamp, ...rest } = reply;
  return {
    reply: { ...rest, ...(timestamp ? { timestamp: timestamp.toISOString() } : {}) },
    ...(charts && charts.length > 0 ? { charts: [...charts] } : {}),
  };
}

/** The reply back from a row, its charts rendered now. */
export async function fromPayload(payload: DeliveryPayload, renderer: ChartRenderer): Promise<Reply> {
  const { timestamp, ...rest } = payload.reply;
  const specs = payload.charts ?? (payload.chart ? [payload.chart] : []);
  const charts = [];
  for (const c of specs) {
    charts.push({
      filename: c.filename,
      alt: c.alt,
      png: await renderer.render(c.spec),
      ...(c.section !== undefined ? { section: c.section } : {}),
    });
  }
  return {
    ...rest,
    ...(timestamp ? { timestamp: new Date(timestamp) } : {}),
    ...(charts.length > 0 ? { charts } : {}),
  };
}
