import { numeric, timestamp } from "drizzle-orm/pg-core";

/** Exact money: Postgres numeric, read and written as decimal strings (never a JS number). */
export const amount = (name: string) => numeric(name);
/** UTC instants. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => instant("created_at").notNull().defaultNow();
