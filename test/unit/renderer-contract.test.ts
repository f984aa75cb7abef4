import { describe, expect, it } from "vitest";
import { RENDERERS } from "../../src/adapters/renderers.ts";
import { errorReply } from "../../src/core/error-replies.ts";
import type { Platform } from "../../src/core/invocation.ts";
import { reply } from "../../src/core/reply.ts";

/**
 * The contract every platform's renderer passes (DESIGN §6: one shared suite). It runs over the
 * exhaustive RENDERERS table, so a new platform is held to it as soon as it compiles.
 */
const platforms = Object.keys(RENDERERS) as Platform[];

const report = reply({
  kind: "report",
  title: "Balance · Outdoor Goods US",
  summary: "Settled $1,234.56, next payout expected Jun 14",
  sections: [
    {
      title: "Clocks",
      fields: [
        { label: "Settled, awaiting payout", clock: "settled", value: "$1,234.56" },
        { label: "Pending", clock: "pending", value: "₫2.500.000", detail: "12 orders" },
      ],
      table: {
        columns: [{ label: "Paid" }, { label: "Amount", align: "right" }],
        rows: [["Jun 3", "$980.00"]],
      },
      notes: ["Days in America/Los_Angeles"],
    },
  ],
  footer: "as of 10:42 UTC · data from sync 3 min ago",
});

describe.each(platforms)("renderer contract: %s", (platform) => {
  const renderer = RENDERERS[platform];

  // The summary is left to each platform: the console drops it when the sections repeat it.
  it("shows the title, every figure with its clock, the table, the notes and the footer", () => {
    const text = renderer.visibleText(report);
    for (const part of [
      "Balance · Outdoor Goods US",
      "$1,234.56",
      "₫2.500.000",
      "Pending (est.)",
      "$980.00",
      "Days in America/Los_Angeles",
      "as of 10:42 UTC",
    ])
      expect(text, part).toContain(part);
  });

  it("shows the correlation id of every error reply that carries one, so the log line can be found", () => {
    for (const code of ["internal", "upstream_failed", "unavailable"] as const)
      expect(renderer.visibleText(errorReply(code, { correlationId: "c0ffee-42" })), code).toContain(
        "c0ffee-42",
      );
  });

  it("shows a user error's message, usage and example", () => {
    const text = renderer.visibleText(
      errorReply("bad_input", {
        correlationId: "c-1",
        message: "Period must be 7d.",
        usage: "/balance earnings [period]",
        example: "/balance earnings 7d",
      }),
    );
    for (const part of [
      "Period must be 7d.",
      "Usage: /balance earnings [period]",
      "Example: /balance earnings 7d",
    ])
      expect(text, part).toContain(part);
  });

  it("renders a reply past every platform limit without throwing, title kept", () => {
    const huge = reply({
      kind: "report",
      title: "T".repeat(400),
      sections: Array.from({ length: 30 }, (_, i) => ({
        title: `Section ${i}`,
        fields: Array.from({ length: 40 }, (_, j) => ({ label: `Field ${j}`, value: "x".repeat(1500) })),
        table: { columns: [{ label: "A" }], rows: Array.from({ length: 300 }, () => ["y".repeat(80)]) },
        notes: ["n".repeat(5000)],
      })),
      footer: "f".repeat(3000),
    });
    expect(() => renderer.render(huge)).not.toThrow();
    expect(renderer.visibleText(huge)).toContain("TTTTTTTTTT");
  });
});
