import { integer, pgTable } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * The sandbox shop's clock, so it continues across restarts: `worldStart` anchors its seeded
 * history (the same shops, statements and payouts every run), `simulatedAt` is the simulated time
 * last reached. One row.
 */
export const sandboxClock = pgTable("sandbox_clock", {
  id: integer("id").primaryKey().default(1),
  worldStart: instant("world_start").notNull(),
  simulatedAt: instant("simulated_at").notNull(),
});
