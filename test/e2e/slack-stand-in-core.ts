import { createCanvas } from "@napi-rs/canvas";
import type { Core } from "../../src/core/dispatcher.ts";
import { reply } from "../../src/core/reply.ts";

/** A small real PNG. */
export async function renderPng(): Promise<Uint8Array> {
  const canvas = createCanvas(64, 32);
  const g = canvas.getContext("2d");
  g.fillStyle = "#1d3557";
  g.fillRect(0, 0, 64, 32);
  return canvas.encode("png");
}

/**
 * TEMPORARY stand-in for test/support/app.ts (createTestApp), until the lead's lands: a core that
 * answers a few commands with fixed replies shaped like the real ones.
 */
export async function standInCore(): Promise<{ core: Core; close(): Promise<void> }> {
  const footer = "as of 10:42 UTC · data from sync 3 min ago · zone America/Los_Angeles · sandbox data";
  const core: Core = {
    commands: [],
    async dispatch(inv) {
      const text = (inv.text ?? "").trim();
      if (text === "") {
        return reply({
          title: "Balance · Sandbox US Shop",
          sections: [
            {
              fields: [
                {
                  label: "Pending",
                  clock: "pending",
                  value: "$1,234.56 est.",
                  detail: "18 unsettled orders",
                },
                {
                  label: "Settled, awaiting payout",
                  clock: "settled",
                  value: "$2,000.00",
                  detail: "3 statements",
                },
                { label: "Paid out", clock: "paid", value: "$10,500.00", detail: "last 30 days" },
              ],
            },
          ],
          footer,
        });
      }
      if (text === "chart 30d") {
        return reply({
          title: "Earnings · last 30 days",
          sections: [],
          chart: {
            filename: "earnings-30d.png",
            png: await renderPng(),
            alt: "Settled per day, 30 days, USD",
          },
          footer,
        });
      }
      if (text === "goal set 5000") {
        if (!inv.isAdmin) {
          return reply({
            kind: "error",
            title: "Not allowed",
            summary: "Only a workspace admin can use /balance goal set; nothing was changed.",
            ephemeral: true,
          });
        }
        return reply({
          kind: "success",
          title: "Goal set",
          summary: "Monthly settled goal: $5,000.00",
          ephemeral: false,
        });
      }
      if (text === "explode") throw new Error("boom");
      return reply({ kind: "error", title: "Can't do that", summary: "Unknown command.", ephemeral: true });
    },
  };
  return { core, close: async () => {} };
}
