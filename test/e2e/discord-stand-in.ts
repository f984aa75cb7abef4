import { createCanvas } from "@napi-rs/canvas";
import { z } from "zod";
import { type AnyCommand, defineCommand } from "../../src/core/define-command.ts";
import type { Core } from "../../src/core/dispatcher.ts";
import { reply } from "../../src/core/reply.ts";

/** Temporary stand-in for test/support/app.ts: a hand-made core with the shapes the adapter meets. */
export async function createStandInCore(): Promise<Core> {
  const png = new Uint8Array(await createCanvas(40, 20).encode("png"));
  const commands: AnyCommand[] = [
    defineCommand({
      name: "",
      description: "Your money on all three clocks",
      example: "/balance",
      options: z.object({
        shop: z.string().optional().meta({ named: true, kind: "shop", description: "Only this shop" }),
      }),
      async run() {
        return reply({
          title: "Balance · Sandbox Shop",
          sections: [
            {
              fields: [
                { label: "Pending", clock: "pending", value: "$1,234.56 est." },
                { label: "Settled, awaiting payout", clock: "settled", value: "$2,000.00" },
                { label: "Paid out · last 30 days", clock: "paid", value: "$9,876.54" },
              ],
            },
          ],
          footer: "sandbox data",
        });
      },
    }),
    defineCommand({
      name: "chart",
      description: "Earnings chart",
      example: "/balance chart 30d",
      options: z.object({
        period: z.string().default("30d").meta({ kind: "period", description: "Period" }),
      }),
      async run(_ctx, args) {
        return reply({
          title: `Earnings · ${args.period}`,
          sections: [],
          chart: { filename: "e.png", png, alt: "earnings" },
        });
      },
    }),
    defineCommand({
      name: "goal set",
      description: "Set a goal",
      example: "/balance goal set 5000",
      admin: true,
      options: z.object({ amount: z.number().int().meta({ kind: "amount", description: "Target" }) }),
      async run(_ctx, args) {
        return reply({
          kind: "success",
          title: "Goal set",
          summary: `Goal: ${args.amount}`,
          ephemeral: true,
        });
      },
    }),
    defineCommand({
      name: "digest zone",
      description: "Digest time zone",
      example: "/balance digest zone Europe/Paris",
      admin: true,
      options: z.object({ zone: z.string().meta({ kind: "zone", description: "IANA time zone" }) }),
      async run(_ctx, args) {
        return reply({ kind: "success", title: `Zone ${args.zone}`, ephemeral: true });
      },
    }),
  ];
  return {
    commands,
    async dispatch(invocation) {
      const command = commands.find((c) => c.name === invocation.options?.path.join(" "));
      if (!command) return reply({ kind: "error", title: "Unknown", ephemeral: true });
      if (command.admin && !invocation.isAdmin) {
        return reply({
          kind: "error",
          title: "Not allowed",
          summary: "Needs the Manage Server permission",
          ephemeral: true,
        });
      }
      const args = command.options.parse(invocation.options?.values ?? {});
      return command.run({} as never, args);
    },
  };
}
