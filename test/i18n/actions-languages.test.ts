import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import type { Click } from "../../src/core/actions.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { silentLogger } from "../../src/log.ts";
import { listAllShops, setWorkspaceLanguage } from "../../src/storage/repos/workspaces.ts";
import { syncState, workspaces } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { recordingPort } from "../support/recording-port.ts";

/** Buttons and click answers speak the workspace's language, as the alert they sit under does. */
const log = silentLogger();
let app: TestApp;
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const clock = () => now;
const { port, sent } = recordingPort();

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 3, ordersPerDay: 1 }, clock });
});
afterAll(async () => {
  await app?.close();
});

const click = (token: string, over: Partial<Click> = {}) =>
  app.core.act({
    platform: "console",
    workspaceId: "console",
    channelId: "console",
    userId: "U-ADMIN",
    userLabel: "@admin",
    isAdmin: true,
    token,
    messageId: "m-vi",
    correlationId: randomUUID(),
    channel: ALWAYS_CAN_POST,
    ...over,
  });

it("a Vietnamese workspace's sync-trouble alert has Vietnamese buttons, and its clicks are answered in Vietnamese", async () => {
  const db = app.database.db;
  expect((await app.ask("/balance alerts add payout")).kind).toBe("success");
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.externalId, "console"));
  await setWorkspaceLanguage(db, workspace!.id, "vi");
  const shop = (await listAllShops(db)).find((s) => s.currency === "USD")!;
  await db
    .update(syncState)
    .set({ consecutiveFailures: 3, lastError: "TikTok answered 500", lastErrorCode: "500" })
    .where(eq(syncState.shopId, shop.id));
  await evaluateAlerts({ db, log, clock, sandbox: true });
  await drainOutbox(
    { db, log, clock, ports: { console: port }, charts: app.deps.charts },
    { channelGapMs: 0 },
  );
  const message = sent.find((s) => s.reply.title.startsWith("⚠ Sự cố đồng bộ"));
  expect(message?.reply.summary).toBe(
    `balance-bot không thể đồng bộ ${shop.name}: TikTok answered 500 (mã 500) — thất bại 3 lần liên tiếp`,
  );
  const labels = message!.reply.actions!.map((a) => a.label);
  expect(labels).toEqual([
    "Đã xem",
    "Chi tiết",
    "Biểu đồ",
    "Khoản thanh toán",
    "Tạm hoãn 24 giờ",
    "Tắt quy tắc này",
  ]);
  const token = (label: string) => message!.reply.actions!.find((a) => a.label === label)!.id;

  const refused = await click(token("Tạm hoãn 24 giờ"), { isAdmin: false, userId: "U-MEMBER" });
  expect(refused).toMatchObject({ type: "private", reply: { title: "Không được phép" } });
  expect(refused.reply.summary).toBe(
    "Chỉ quản trị viên workspace mới có thể tạm hoãn cảnh báo sự cố đồng bộ. Không có gì thay đổi.",
  );
  const muted = await click(token("Tắt quy tắc này"));
  expect(muted.type).toBe("post");
  expect(muted.reply.title).toBe("Đã tắt cảnh báo sự cố đồng bộ");
  expect(muted.reply.summary).toMatch(
    new RegExp(
      `^Cảnh báo sự cố đồng bộ của ${shop.name.replace(/[()]/g, "\\$&")} trong kênh này \\(cảnh báo #\\d+\\) đã được @admin tắt\\. Bật lại: /balance alerts unmute \\d+$`,
    ),
  );

  // Acknowledged: the message is drawn again with who and when, in Vietnamese, without that button.
  const acked = await click(token("Đã xem"), { userLabel: "@lan" });
  expect(acked.type).toBe("update");
  expect(acked.reply.sections.at(-1)!.notes![0]).toMatch(
    new RegExp(`^@lan đã xem lúc \\d\\d:\\d\\d \\(múi giờ của .+, ${shop.timezone}\\)$`),
  );
  expect(acked.reply.actions!.map((a) => a.label)).not.toContain("Đã xem");
});
