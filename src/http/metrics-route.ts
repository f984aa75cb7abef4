import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log.ts";
import { outboxDepthGauge, registry, setParked, tokenExpiryGauge } from "../metrics.ts";
import type { Db } from "../storage/database.ts";
import { tokenExpiries } from "../storage/repos/connections.ts";
import { outboxDepth } from "../storage/repos/outbox.ts";
import { countParked } from "../storage/repos/parked.ts";
import { sendText } from "./io.ts";

/**
 * Whether the request carries `Authorization: Bearer <METRICS_TOKEN>`. The metrics name shops,
 * token expiries and sync errors of every workspace, so without a configured token nobody may
 * read them. Compared as hashes, in constant time.
 */
export function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/** GET /metrics: the registry in Prometheus text, database gauges read just before. */
export async function metrics(
  db: Db,
  log: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
): Promise<void> {
  if (!mayReadMetrics(req, token)) {
    res.setHeader("www-authenticate", 'Bearer realm="balance-bot metrics"');
    return sendText(
      res,
      401,
      token
        ? "metrics are private: send Authorization: Bearer <METRICS_TOKEN>\n"
        : "metrics are private: set METRICS_TOKEN and send it as Authorization: Bearer <METRICS_TOKEN>\n",
    );
  }
  try {
    outboxDepthGauge.set(await outboxDepth(db));
    setParked(await countParked(db));
    tokenExpiryGauge.reset();
    for (const row of await tokenExpiries(db)) {
      if (row.accessExpiresAt)
        tokenExpiryGauge.set({ shop: row.shop, token: "access" }, row.accessExpiresAt.getTime() / 1000);
      if (row.refreshExpiresAt)
        tokenExpiryGauge.set({ shop: row.shop, token: "refresh" }, row.refreshExpiresAt.getTime() / 1000);
    }
  } catch (error) {
    // Serve what the process knows; the database gauges keep their last values.
    log.warn({ err: error }, "metrics: database gauges not refreshed");
  }
  sendText(res, 200, await registry.metrics(), registry.contentType);
}
