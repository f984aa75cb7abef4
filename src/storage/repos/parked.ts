import type { Tx } from "../database.ts";
import { countParkedAlerting } from "./alerts.ts";
import { countParkedByReason } from "./outbox.ts";

export type ParkedItem = "message" | "event" | "rule";

/** Everything parked with a reason, of every workspace, counted per item and reason. */
export async function countParked(db: Tx): Promise<{ item: ParkedItem; reason: string; n: number }[]> {
  const [messages, alerting] = await Promise.all([countParkedByReason(db), countParkedAlerting(db)]);
  return [
    ...messages.map((m) => ({ item: "message" as const, ...m })),
    ...alerting.events.map((e) => ({ item: "event" as const, ...e })),
    ...alerting.rules.map((r) => ({ item: "rule" as const, ...r })),
  ];
}
