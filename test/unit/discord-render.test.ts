import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
  FOOTER_TEXT_MAX,
  MESSAGE_EMBED_CHARS_MAX,
  renderDiscord,
} from "../../src/adapters/discord/render.ts";
import type { Reply, ReplyField, ReplySection } from "../../src/core/reply.ts";

const at = new Date("2026-08-03T10:42:00Z");

function embedChars(embeds: ReturnType<typeof renderDiscord>["embeds"]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

function expectWithinLimits(message: ReturnType<typeof renderDiscord>): void {
  expect(message.embeds.length).toBeGreaterThan(0);
  expect(message.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE_MAX);
  expect(embedChars(message.embeds)).toBeLessThanOrEqual(MESSAGE_EMBED_CHARS_MAX);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(FOOTER_TEXT_MAX);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(FIELD_NAME_MAX);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
    }
  }
}

describe("renderDiscord", () => {
  it("renders a balance report: clocks first as inline fields, then payouts as an aligned table, footer and time", () => {
    const reply: Reply = {
      kind: "report",
      title: "Balance · Acme Beauty",
      summary: "Pending: $1,234.56 est., settled: $2,000.00",
      sections: [
        {
          fields: [
            { label: "Pending", clock: "pending", value: "$1,234.56 est.", detail: "12 unsettled orders" },
            {
              label: "Settled, awaiting payout",
              clock: "settled",
              value: "$2,000.00",
              detail: "2 statements",
            },
            { label: "Last 30 days", clock: "paid", value: "$9,876.54" },
          ],
          table: {
            columns: [{ label: "Date" }, { label: "Amount", align: "right" }, { label: "Status" }],
            rows: [
              ["Aug 1", "$1,000.00", "paid"],
              ["Jul 25", "$87.10", "FAILED ⚠"],
            ],
          },
        },
      ],
      footer: "as of 10:42 UTC · data from sync 3 min ago · zone America/New_York",
      ephemeral: false,
      timestamp: at,
    };
    expect(renderDiscord(reply)).toEqual({
      embeds: [
        {
          color: 0x5865f2,
          title: "Balance · Acme Beauty",
          description: "Pending: $1,234.56 est., settled: $2,000.00",
          fields: [
            { name: "Pending (est.)", value: "$1,234.56 est.\n12 unsettled orders", inline: true },
            { name: "Settled, awaiting payout", value: "$2,000.00\n2 statements", inline: true },
            { name: "Last 30 days · paid out", value: "$9,876.54", inline: true },
          ],
        },
        {
          color: 0x5865f2,
          description: [
            "```",
            "Date       Amount  Status",
            "------  ---------  --------",
            "Aug 1   $1,000.00  paid",
            "Jul 25     $87.10  FAILED ⚠",
            "```",
          ].join("\n"),
          footer: { text: "as of 10:42 UTC · data from sync 3 min ago · zone America/New_York" },
          timestamp: "2026-08-03T10:42:00.000Z",
        },
      ],
      files: [],
    });
  });

  it("makes errors red and ephemeral, with the correlation id in the footer", () => {
    const message = renderDiscord({
      kind: "error",
      title: "Something went wrong",
      summary: "It has been logged.",
      sections: [],
      ephemeral: true,
      correlationId: "c0ffee",
    });
    expect(message).toEqual({
      embeds: [
        {
          color: 0xed4245,
          title: "Something went wrong",
          description: "It has been logged.",
          footer: { text: "ref c0ffee" },
        },
      ],
      files: [],
      flags: 64,
    });
  });

  it("uploads a chart under its own name and shows it in the last embed", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const message = renderDiscord({
      kind: "report",
      title: "Earnings",
      sections: [
        { fields: [{ label: "Total", value: "$5.00" }] },
        { title: "By day", notes: ["Days in UTC."] },
      ],
      charts: [{ filename: "earnings-30d.png", png, alt: "Daily earnings, last 30 days, USD" }],
      ephemeral: false,
    });
    expect(message.files).toEqual([
      { name: "earnings-30d.png", data: png, description: "Daily earnings, last 30 days, USD" },
    ]);
    expect(message.embeds).toHaveLength(2);
    expect(message.embeds[1]).toEqual({
      color: 0x5865f2,
      title: "By day",
      description: "Days in UTC.",
      image: { url: "attachment://earnings-30d.png" },
    });
    expect(message.embeds[0]?.image).toBeUndefined();
  });

  it("caps fields at 25 per embed and says how many more there were", () => {
    const fields: ReplyField[] = Array.from({ length: 40 }, (_, i) => ({
      label: `Shop ${i + 1}`,
      value: `$${i}.00`,
    }));
    const message = renderDiscord({
      kind: "report",
      title: "Shops",
      sections: [{ fields }],
      ephemeral: false,
    });
    const shown = message.embeds[0]!.fields!;
    expect(shown).toHaveLength(25);
    expect(shown.at(-1)).toEqual({ name: "…", value: "and 16 more", inline: false });
    expect(shown.at(-2)?.name).toBe("Shop 24");
  });

  it("keeps a long table inside the description and counts the rows left out", () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
      `$${i},000.00`,
    ]);
    const message = renderDiscord({
      kind: "report",
      title: "Statements",
      sections: [{ table: { columns: [{ label: "Date" }, { label: "Net", align: "right" }], rows } }],
      ephemeral: false,
    });
    expectWithinLimits(message);
    const description = message.embeds[0]!.description!;
    const omitted = Number(/…and (\d+) more rows/.exec(description)?.[1]);
    const shownRows = description.split("\n").filter((l) => /^2026-/.test(l)).length;
    expect(shownRows + omitted).toBe(400);
    expect(description).toMatch(/```\n[\s\S]*\n```\n…and \d+ more rows$/);
  });

  it("stops at 10 embeds and says how many sections did not fit", () => {
    const sections: ReplySection[] = Array.from({ length: 14 }, (_, i) => ({
      title: `Shop ${i + 1}`,
      fields: [{ label: "Paid", value: "$1.00" }],
    }));
    const message = renderDiscord({ kind: "digest", title: "Digest", sections, ephemeral: false });
    expectWithinLimits(message);
    expect(message.embeds).toHaveLength(10);
    // Sections past the 10th embed share the last one, under their own bold titles.
    expect(message.embeds[9]!.description).toContain("**Shop 11**");
    expect(message.embeds[9]!.fields?.length).toBe(5);
  });

  it("holds every Discord limit whatever the reply", () => {
    const text = (max: number) => fc.string({ minLength: 0, maxLength: max });
    const field = fc.record({
      label: text(400),
      value: fc.string({ minLength: 1, maxLength: 1500 }),
      detail: fc.option(text(200), { nil: undefined }),
      clock: fc.option(fc.constantFrom("pending", "settled", "paid", "reserve") as fc.Arbitrary<"pending">, {
        nil: undefined,
      }),
    });
    const section = fc.record({
      title: fc.option(text(300), { nil: undefined }),
      fields: fc.option(fc.array(field, { maxLength: 40 }), { nil: undefined }),
      notes: fc.option(fc.array(text(800), { maxLength: 8 }), { nil: undefined }),
      table: fc.option(
        fc.record({
          columns: fc.constant([{ label: "A" }, { label: "B", align: "right" as const }]),
          rows: fc.array(fc.tuple(text(30), text(30)), { maxLength: 200 }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 400 }),
        fc.option(text(5000), { nil: undefined }),
        fc.array(section, { maxLength: 14 }),
        fc.option(text(3000), { nil: undefined }),
        (title, summary, sections, footer) => {
          const reply: Reply = {
            kind: "report",
            title,
            sections: sections as unknown as ReplySection[],
            ephemeral: false,
          };
          if (summary !== undefined) reply.summary = summary;
          if (footer !== undefined) reply.footer = footer;
          expectWithinLimits(renderDiscord(reply));
        },
      ),
      { numRuns: 150 },
    );
  });
});
