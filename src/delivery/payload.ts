import type { ChartSpec } from "../charts/port.ts";
import type { Reply } from "../core/reply.ts";

/**
 * What an outbox row carries: the reply without its PNG (JSON), plus the chart's spec, which is
 * rendered again at send time — a few KB per row instead of a picture.
 */
export interface DeliveryPayload {
  reply: Omit<Reply, "chart" | "timestamp"> & { timestamp?: string };
  chart?: { spec: ChartSpec; filename: string; alt: string };
}

export function toPayload(reply: Reply, chart?: DeliveryPayload["chart"]): DeliveryPayload {
  const { chart: _png, timestamp, ...rest } = reply;
  return {
    reply: { ...rest, ...(timestamp ? { timestamp: timestamp.toISOString() } : {}) },
    ...(chart ? { chart } : {}),
  };
}

export function fromPayload(payload: DeliveryPayload, png: Uint8Array | undefined): Reply {
  const { timestamp, ...rest } = payload.reply;
  return {
    ...rest,
    ...(timestamp ? { timestamp: new Date(timestamp) } : {}),
    ...(payload.chart && png
      ? { chart: { filename: payload.chart.filename, alt: payload.chart.alt, png } }
      : {}),
  };
}
