import { describe, expect, it } from "vitest";
import { ConsoleChoices } from "../../src/adapters/console/choices.ts";
import { renderDiscord } from "../../src/adapters/discord/render.ts";
import { renderLine } from "../../src/adapters/line/render.ts";
import { describeDigestSetting } from "../../src/adapters/slack/home.ts";
import { renderSlack } from "../../src/adapters/slack/render.ts";
import { localizeClocks, type Reply, reply } from "../../src/core/reply.ts";
import { alertView, parseView } from "../../src/delivery/payload.ts";
import { translator } from "../../src/i18n/index.ts";

/** A statement list too long for any platform, written in Vietnamese. */
const rows = Array.from({ length: 400 }, (_, i) => [
  `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
  `Khoản thanh toán ${i} về ****4826 · ${i}.000 ₫`,
]);
const long = (locale: "en" | "vi"): Reply =>
  localizeClocks(
    reply({
      title: "Bảng sao kê",
      sections: [{ table: { columns: [{ label: "Ngày" }, { label: "Ròng", align: "right" }], rows } }],
    }),
    locale,
  );

describe("what an adapter cuts is said in the reply's language", () => {
  it("Discord and Slack count the rows left out in Vietnamese, English stays English", () => {
    const discord = renderDiscord(long("vi")).embeds[0]!.description!;
    const omitted = Number(/…và (\d+) dòng khác$/.exec(discord)?.[1]);
    expect(omitted).toBeGreaterThan(0);
    expect(renderDiscord(long("en")).embeds[0]!.description!).toMatch(/…and \d+ more rows$/);
    const slack = JSON.stringify(renderSlack(long("vi")).blocks);
    expect(slack).toMatch(/…và \d+ dòng khác/);
    expect(slack).not.toMatch(/more rows/);
  });

  it("LINE says how many rows it left out in Thai", () => {
    const [flex] = renderLine(localizeClocks(long("en"), "th"), () => "https://example.test/c.png");
    expect(JSON.stringify(flex)).toMatch(/…และอีก \d+ แถว/);
  });

  it("the console offers its numbered choices in Indonesian", () => {
    const offered = new ConsoleChoices().offer(
      [
        { id: "ba_1", label: "Rincian" },
        { id: "ba_2", label: "Grafik" },
      ],
      "id",
    );
    expect(offered).toBe("1) Rincian  2) Grafik  — ketik nomor untuk memilih");
  });

  it("an alert queued in Thai keeps its language in the outbox", () => {
    const view = alertView("sync_trouble", localizeClocks(reply({ title: "⚠ ปัญหาการซิงค์" }), "th"));
    const parsed = parseView(JSON.parse(JSON.stringify(view)));
    expect(parsed.ok && parsed.view.reply.locale).toBe("th");
  });

  it("the Slack Home tab describes a digest setting in Thai", () => {
    const setting = {
      channel: "C1",
      enabled: true,
      time: "09:00",
      zone: "Asia/Bangkok",
      zoneIsDefault: true,
    };
    expect(describeDigestSetting(setting)).toBe("<#C1> · on, at 09:00 Asia/Bangkok (default)");
    expect(describeDigestSetting(setting, translator("th").t)).toBe(
      "<#C1> · เปิด เวลา 09:00 Asia/Bangkok (ค่าเริ่มต้น)",
    );
  });
});
