import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { buildRoutes, findRoute } from "../../src/adapters/discord/command-routes.ts";
import { buildDiscordCommands, validateDiscordCommands } from "../../src/adapters/discord/commands-json.ts";
import { type AnyCommand, defineCommand, describeOptions } from "../../src/core/define-command.ts";
import { PRIVATE_OPTION } from "../../src/core/private.ts";
import { reply } from "../../src/core/reply.ts";
import { translator } from "../../src/i18n/index.ts";

const run = async () => reply({ title: "ok" });
const sample: AnyCommand[] = [
  defineCommand({ name: "", description: "Balance", example: "/balance", options: z.object({}), run }),
  defineCommand({
    name: "earnings",
    description: "Earnings for a period",
    example: "/balance earnings 7d",
    options: z.object({
      period: z.string().optional().meta({ kind: "period", description: "Period: today, 7d, 30d…" }),
      groupBy: z.enum(["day", "week", "month"]).optional().meta({ description: "Bucket size" }),
    }),
    run,
  }),
  defineCommand({
    name: "goal set",
    description: "Set an earnings goal",
    example: "/balance goal set 5000 monthly",
    admin: true,
    options: z.object({
      period: z.enum(["daily", "weekly", "monthly"]).optional().meta({ description: "Goal period" }),
      amount: z.number().int().min(1).meta({ kind: "amount", description: "Target amount" }),
    }),
    run,
  }),
  defineCommand({
    name: "goal",
    description: "Show the goal",
    example: "/balance goal",
    options: z.object({}),
    run,
  }),
];

describe("buildDiscordCommands", () => {
  it("turns the real command registry into JSON Discord accepts", () => {
    const json = buildDiscordCommands(commands);
    expect(validateDiscordCommands(json)).toEqual([]);
    expect(json).toHaveLength(1);
    expect(json[0]!.name).toBe("balance");
  });

  it("describes the shop, period and private options in each language, the English from the same message", () => {
    const [balance] = buildDiscordCommands(commands);
    const earnings = balance!.options.find((o) => o.name === "earnings")!;
    const byName = new Map(earnings.options!.map((o) => [o.name, o]));
    expect(byName.get("shop")!.description_localizations).toEqual({
      id: "Hanya toko ini",
      vi: "Chỉ cửa hàng này",
      th: "เฉพาะร้านนี้",
    });
    expect(byName.get("period")!.description).toBe("e.g. 7d, mtd, 2026-10 (default yesterday)");
    expect(byName.get("period")!.description_localizations).toEqual({
      id: "mis. 7d, mtd, 2026-10 (bawaan yesterday)",
      vi: "ví dụ 7d, mtd, 2026-10 (mặc định yesterday)",
      th: "เช่น 7d, mtd, 2026-10 (ค่าเริ่มต้น yesterday)",
    });
    // The English description written in the option equals its message, so the two never drift.
    const described = [...commands.flatMap((c) => describeOptions(c)), PRIVATE_OPTION].filter(
      (o) => o.describedBy,
    );
    expect(described.length).toBeGreaterThanOrEqual(20);
    for (const o of described)
      expect(translator("en").t(o.describedBy!.key, o.describedBy!.values)).toBe(o.description);
  });

  it("nests groups, maps bare commands to show, types options and puts required ones first", () => {
    const [balance] = buildDiscordCommands(sample);
    expect(validateDiscordCommands([balance])).toEqual([]);
    expect(balance!.default_member_permissions).toBeNull();
    expect(balance!.options.map((o) => [o.type, o.name])).toEqual([
      [1, "show"],
      [1, "earnings"],
      [2, "goal"],
    ]);
    const earnings = balance!.options[1]!;
    expect(earnings.options).toEqual([
      {
        type: 3,
        name: "period",
        description: "Period: today, 7d, 30d…; YYYY-MM works too",
        required: false,
        autocomplete: true,
      },
      {
        type: 3,
        name: "group-by",
        description: "Bucket size",
        required: false,
        choices: ["day", "week", "month"].map((c) => ({ name: c, value: c })),
      },
      // A report also takes private: the answer only the asker sees.
      {
        type: 5,
        name: "private",
        description: "Only you see it",
        description_localizations: {
          id: "Hanya Anda yang dapat melihatnya",
          vi: "Chỉ bạn mới thấy",
          th: "เฉพาะคุณเท่านั้นที่เห็น",
        },
        required: false,
      },
    ]);
    const goal = balance!.options[2]!;
    expect(goal.options?.map((o) => o.name)).toEqual(["set", "show"]);
    const set = goal.options![0]!;
    expect(set.description).toBe("Set an earnings goal (Manage Server)");
    // The permission's name as Discord's client shows it in each language (where it fits in the
    // 100 characters), never English inside a translation.
    const localized = set.description_localizations ?? {};
    expect(Object.values(localized).some((d) => d.includes("Manage Server"))).toBe(false);
    expect(localized.th).toMatch(/ \(จัดการเซิร์ฟเวอร์\)$/);
    expect(set.options?.map((o) => [o.name, o.type, o.required])).toEqual([
      ["amount", 4, true],
      ["period", 3, false],
    ]);
    expect(set.options?.[0]?.min_value).toBe(1);
  });

  it("routes Discord's group and subcommand back to the core's path and option names", () => {
    const routes = buildRoutes(sample);
    expect(findRoute(routes, null, "show")?.path).toEqual([]);
    expect(findRoute(routes, "goal", "set")?.path).toEqual(["goal", "set"]);
    expect(findRoute(routes, "goal", "show")?.path).toEqual(["goal"]);
    expect(findRoute(routes, null, "earnings")?.options.map((o) => [o.discordName, o.info.name])).toEqual([
      ["period", "period"],
      ["group-by", "groupBy"],
      ["private", "private"],
    ]);
  });
});

describe("validateDiscordCommands", () => {
  it("reports each broken rule", () => {
    const long = "x".repeat(101);
    const problems = validateDiscordCommands([
      {
        type: 1,
        name: "Balance",
        description: long,
        options: [
          { type: 3, name: "opt", description: "optional", required: false },
          {
            type: 4,
            name: "req",
            description: "required",
            required: true,
            choices: [{ name: "a", value: "a" }],
            autocomplete: true,
          },
          ...Array.from({ length: 25 }, (_, i) => ({ type: 3, name: `o${i}`, description: "d" })),
        ],
      },
    ]);
    expect(problems.join("\n")).toMatch(/lowercase/);
    expect(problems.join("\n")).toMatch(/description must be 1–100/);
    expect(problems.join("\n")).toMatch(/required options must come before optional/);
    expect(problems.join("\n")).toMatch(/27 options \(max 25\)/);
    expect(problems.join("\n")).toMatch(/autocomplete cannot be combined with choices/);
    expect(problems.join("\n")).toMatch(/does not fit the option type/);
  });
});

describe("localized descriptions", () => {
  it("gives every subcommand its description in id, vi and th (names stay English)", () => {
    const [balance] = buildDiscordCommands(commands);
    const earnings = balance!.options.find((o) => o.name === "earnings")!;
    expect(earnings.description_localizations).toEqual({
      id: "Yang diselesaikan: pendapatan, biaya, ongkos kirim, penyesuaian, penyelesaian, vs periode lalu",
      vi: "Số đã quyết toán: doanh thu, phí, phí vận chuyển, điều chỉnh và quyết toán, so với kỳ trước",
      th: "รายได้ ค่าธรรมเนียม ค่าจัดส่ง รายการปรับปรุง และยอดชำระ เทียบกับช่วงก่อนหน้า",
    });
    for (const option of balance!.options.flatMap((o) => (o.type === 2 ? (o.options ?? []) : [o])))
      for (const text of Object.values(option.description_localizations ?? {}))
        expect(text.length, option.name).toBeLessThanOrEqual(100);
  });

  it("counts only the longest localization of a field against the 8,000 characters", () => {
    const long = "x".repeat(90);
    const command = {
      type: 1,
      name: "balance",
      description: "d",
      options: Array.from({ length: 25 }, (_, i) => ({
        type: 1,
        name: `c${i}`,
        description: "short",
        description_localizations: { id: long, vi: long, th: long },
      })),
    };
    // 25 × (3 + 90) + 8 = 2,333 counted (not 25 × 3 × 90): valid.
    expect(validateDiscordCommands([command])).toEqual([]);
  });
});
