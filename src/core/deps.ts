import type { ChartRenderer } from "../charts/port.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../storage/database.ts";
import type { CallbackRegistry } from "./callbacks.ts";
import type { StatementImporter } from "./importer.ts";
import type { OrderFetcher } from "./order-fetch.ts";

/** The services the core and every command get; built once in the composition root. */
export interface CoreDeps {
  db: Db;
  charts: ChartRenderer;
  /** Local state: the console writes chart PNGs under it. */
  dataDir: string;
  log: Logger;
  clock: () => Date;
  /** Running on the sandbox shop: every reply says "sandbox data". */
  sandbox: boolean;
  /** Reads a Seller Center export into a workspace's shop (`/balance import`). */
  importer: StatementImporter;
  /** Where `/balance connect` learns whether (and where) the OAuth callback is served. */
  callbacks: CallbackRegistry;
  /** Asks TikTok for an order the synced statements do not hold (`/balance order`); absent: stored data only. */
  orders?: OrderFetcher;
  /** Shops of this provider are linked to a workspace on its first use (the sandbox). */
  autoLinkProvider?: string;
}
