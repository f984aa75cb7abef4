import { describe, expect, it } from "vitest";
import {
  MAX_BLOCKS,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  MAX_TABLE_SECTIONS,
  renderSlack,
} from "../../src/adapters/slack/render.ts";
import { reply } from "../../src/core/reply.ts";

const FOOTER = "as of 10:42 UTC · data from sync 3 min ago · zone America/Los_Angeles · sandbox data";

describe("renderSlack", () => {
  it("renders a balance report with the three clocks, each clock named once", () => {
    const message = renderSlack(
      reply({
        title: "Balance: Acme US",
        summary: "$13,734.56 across the three clocks",
        sections: [
          {
            title: "Acme US (USD)",
            fields: [
              { label: "Pending", value: "$1,234.56", detail: "18 unsettled orders", clock: "pending" },
              { label: "Settled", value: "$2,000.00", detail: "3 statements", clock: "settled" },
              { label: "Paid out", value: "$10,500.00", detail: "last 30 days", clock: "paid" },
            ],
            notes: ["Statements are stamped 00:00 UTC."],
          },
        ],
        footer: FOOTER,
      }),
    );
    expect(message).toEqual({
      text: "Balance: Acme US: $13,734.56 across the three clocks",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Balance: Acme US", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: "$13,734.56 across the three clocks" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "*Acme US (USD)*" },
          fields: [
            { type: "mrkdwn", text: `*Pending (est.)*\n$1,234.56\n18 unsettled orders` },
            { type: "mrkdwn", text: `*Settled*\n$2,000.00\n3 statements` },
            { type: "mrkdwn", text: `*Paid out*\n$10,500.00\nlast 30 days` },
          ],
        },
        { type: "section", text: { type: "mrkdwn", text: "Statements are stamped 00:00 UTC." } },
        { type: "context", elements: [{ type: "mrkdwn", text: FOOTER }] },
      ],
    });
  });

  it("spreads a long table over a few sections with aligned columns and says how many rows are left", () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`,
      `Payout ${i + 1}`,
      `$${Math.floor((i * 3750) / 100)}.${String((i * 3750) % 100).padStart(2, "0")}`,
    ]);
    const message = renderSlack(
      reply({
        title: "Payouts",
        sections: [
          {
            table: {
              columns: [{ label: "Date" }, { label: "What" }, { label: "Amount", align: "right" }],
              rows,
            },
          },
        ],
        footer: FOOTER,
      }),
    );
    const texts = message.blocks.slice(1, -1).map((b) => (b as { text: { text: string } }).text.text);
    expect(texts).toHaveLength(MAX_TABLE_SECTIONS);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
      expect(text.startsWith("```\n")).toBe(true);
    }
    expect(texts[0]!.split("\n").slice(0, 5)).toEqual([
      "```",
      "Date        What           Amount",
      "----------  ----------  ---------",
      "2026-01-01  Payout 1        $0.00",
      "2026-02-02  Payout 2       $37.50",
    ]);
    const rowLines = texts.flatMap((t) => t.split("\n")).filter((l) => l.startsWith("2026-"));
    const last = texts.at(-1)!.split("\n");
    expect(last.at(-2)).toBe("```");
    expect(last.at(-1)).toBe(`…and ${400 - rowLines.length} more rows`);
    expect(rowLines.length).toBeGreaterThan(250);
    // Right-aligned amounts end in the same column on every row.
    expect(new Set(rowLines.map((l) => l.length))).toEqual(new Set([33]));
  });

  it("shows a table too wide for a chat column as one line per row, nothing cut mid-cell", () => {
    const message = renderSlack(
      reply({
        kind: "info",
        title: "balance-bot commands",
        sections: [
          {
            table: {
              columns: [{ label: "Command" }, { label: "What it does" }, { label: "Example" }],
              rows: [
                [
                  "/balance goal set <amount> [daily|weekly|monthly] [settled|revenue] [shop:<shop>]",
                  "Set a daily, weekly or monthly goal for settled money or revenue",
                  "/balance goal set 5000 monthly settled",
                ],
                ["/balance status", "Sync health per shop", ""],
              ],
            },
          },
        ],
      }),
    );
    expect(message.blocks[1]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          "• /balance goal set &lt;amount&gt; [daily|weekly|monthly] [settled|revenue] [shop:&lt;shop&gt;] — " +
          "Set a daily, weekly or monthly goal for settled money or revenue · /balance goal set 5000 monthly settled\n" +
          "• /balance status — Sync health per shop",
      },
    });
  });

  it("keeps a reply under 50 blocks and 10 fields per section, saying what was left out", () => {
    const message = renderSlack(
      reply({
        title: "x".repeat(400),
        sections: Array.from({ length: 60 }, (_, i) => ({
          title: `Shop ${i + 1}`,
          fields: Array.from({ length: 12 }, (_, j) => ({ label: `F${j}`, value: "y".repeat(3000) })),
        })),
        footer: FOOTER,
      }),
    );
    expect(message.blocks).toHaveLength(MAX_BLOCKS);
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(MAX_HEADER_TEXT);
    expect(header.text.text.endsWith("…")).toBe(true);
    const second = message.blocks[1] as { fields: { text: string }[] };
    expect(second.fields).toHaveLength(10);
    expect(second.fields[0]!.text).toHaveLength(MAX_FIELD_TEXT);
    const third = message.blocks[2] as { text?: unknown; fields: unknown[] };
    expect(third.text).toBeUndefined();
    expect(third.fields).toHaveLength(2);
    expect(message.blocks.at(-2)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "…and 73 more not shown (Slack shows 50 blocks at most)" }],
    });
    expect(message.blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: FOOTER }] });
  });

  it("renders an error as one clear section, escaping usage placeholders", () => {
    const message = renderSlack(
      reply({
        kind: "error",
        title: "Can't do that",
        summary:
          'Amount "abc" is not a number. Usage: /balance goal set <amount> [daily|weekly|monthly] Example: /balance goal set 5000 monthly',
        ephemeral: true,
      }),
    );
    expect(message).toEqual({
      text: 'Can\'t do that: Amount "abc" is not a number. Usage: /balance goal set &lt;amount&gt; [daily|weekly|monthly] Example: /balance goal set 5000 monthly',
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: ':warning: *Can\'t do that*\nAmount "abc" is not a number. Usage: /balance goal set &lt;amount&gt; [daily|weekly|monthly] Example: /balance goal set 5000 monthly',
          },
        },
      ],
    });
  });

  it("shows the correlation id of an internal error", () => {
    const message = renderSlack(
      reply({ kind: "error", title: "Something went wrong", ephemeral: true, correlationId: "c0ffee" }),
    );
    expect(message.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: ":warning: *Something went wrong*\nref c0ffee" } },
    ]);
  });

  it("says a chart comes with the message, without putting the image bytes in the blocks", () => {
    const message = renderSlack(
      reply({
        title: "Earnings, last 30 days",
        summary: "Settled $8,210.40 over 30 days",
        sections: [{ fields: [{ label: "Settled", value: "$8,210.40", clock: "settled" }] }],
        charts: [
          {
            filename: "earnings-30d.png",
            png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
            alt: "Daily settled earnings, 2026-07-01 to 2026-07-30, America/Los_Angeles, USD",
          },
        ],
        footer: FOOTER,
      }),
    );
    expect(message).toEqual({
      text: "Earnings, last 30 days: Settled $8,210.40 over 30 days",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Earnings, last 30 days", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: "Settled $8,210.40 over 30 days" } },
        {
          type: "section",
          fields: [{ type: "mrkdwn", text: `*Settled*\n$8,210.40` }],
        },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: ":bar_chart: Chart attached: Daily settled earnings, 2026-07-01 to 2026-07-30, America/Los_Angeles, USD",
            },
          ],
        },
        { type: "context", elements: [{ type: "mrkdwn", text: FOOTER }] },
      ],
    });
  });
});
