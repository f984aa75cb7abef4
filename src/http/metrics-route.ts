import type { ServerResponse } from "node:http";
import type { Logger } from "../log.ts";
import { outboxDepthGauge, registry, tokenExpiryGauge } from "../metrics.ts";
import type { Db } from "../storage/database.ts";
import { tokenExpiries } from "../storage/repos/connections.ts";
import { outboxDepth } from "../storage/repos/outbox.ts";
import { sendText } from "./io.ts";

/** GET /metrics: the registry in Prometheus text, database gauges read just before. */
export async function metrics(db: Db, log: Logger, res: ServerResponse): Promise<void> {
  try {
    outboxDepthGauge.set(await outboxDepth(db));
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
