import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { parseView } from "../../src/delivery/payload.ts";
import { MIGRATIONS_DIR } from "../../src/storage/database.ts";

/**
 * Rows queued by the version before the typed outbox are still sent after the upgrade: migration
 * 0008 moves the row's kind into its payload and a digest's single chart into its list.
 */
describe("typed outbox migration", () => {
  // Every migration runs from scratch on its own PGlite: slow on a busy machine, so a generous cap.
  it("turns rows written before it into views the worker can parse", { timeout: 120_000 }, async () => {
    const db = new PGlite();
    try {
      const files = readdirSync(MIGRATIONS_DIR)
        .filter((f) => f.endsWith(".sql"))
        .sort();
      const run = async (file: string) => {
        for (const statement of readFileSync(join(MIGRATIONS_DIR, file), "utf8").split(
          "--> statement-breakpoint",
        ))
          await db.exec(statement);
      };
      for (const file of files.filter((f) => f < "0008")) await run(file);
      const reply = { kind: "alert", title: "💸 Payout arrived", sections: [], ephemeral: false };
      const chart = {
        spec: {
          title: "t",
          currency: "USD",
          days: ["2026-06-01"],
          settled: ["1"],
          payouts: [],
          pending: null,
        },
        filename: "digest.png",
        alt: "settled per day",
      };
      await db.query(
        `insert into outbox (dedupe_key, workspace_id, platform, channel, kind, payload) values
           ('old-digest', 1, 'slack', 'C1', 'digest', $1), ('old-payout', 1, 'discord', 'D1', 'payout_paid', $2),
           ('old-plain-digest', 1, 'console', 'console', 'digest', $3)`,
        [
          JSON.stringify({ reply: { ...reply, kind: "digest" }, chart }),
          JSON.stringify({ reply }),
          JSON.stringify({ reply: { ...reply, kind: "digest" } }),
        ],
      );
      for (const file of files.filter((f) => f >= "0008")) await run(file);
      const rows = await db.query<{ dedupe_key: string; platform: string; payload: unknown }>(
        "select dedupe_key, platform, payload from outbox order by dedupe_key",
      );
      const views = rows.rows.map((r) => {
        const parsed = parseView(r.payload);
        return [r.dedupe_key, r.platform, parsed.ok ? parsed.view.kind : parsed.reason];
      });
      expect(views).toEqual([
        ["old-digest", "slack", "digest"],
        ["old-payout", "discord", "payout_paid"],
        ["old-plain-digest", "console", "digest"],
      ]);
      const digest = parseView(rows.rows[0]!.payload);
      expect(
        digest.ok && digest.view.kind === "digest" ? digest.view.charts.map((c) => c.filename) : [],
      ).toEqual(["digest.png"]);
      // Only the three platforms the core knows can be stored now.
      await expect(
        db.query(
          "insert into outbox (dedupe_key, workspace_id, platform, channel, kind, payload) values ('x', 1, 'irc', 'c', 'goal', '{}')",
        ),
      ).rejects.toThrow(/invalid input value for enum platform/);
    } finally {
      await db.close();
    }
  });
});
