import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  moreSections: "…และอีก {count, plural, other {# ส่วน}}",
  moreRows: "…และอีก {count, plural, other {# แถว}}",
  moreNotes: "…และอีก {count, plural, other {# หมายเหตุ}}",
  slackMoreBlocks: "…และอีก {count} รายการที่ไม่แสดง (Slack แสดงได้สูงสุด {max} บล็อก)",
  telegramMoreSections: "…อีก {count, plural, other {# ส่วน}} ถูกตัดออกให้พอดีกับขีดจำกัดข้อความของ Telegram",
  telegramMoreLines: "…อีก {count, plural, other {# บรรทัด}} ถูกตัดออกให้พอดีกับ 4096 อักขระของ Telegram",
  lineMoreSections: "…อีก {count} ส่วนที่ไม่แสดงใน LINE",
  lineMoreCharts: "…อีก {count, plural, other {# กราฟ}} ที่ไม่ได้ส่ง (LINE รับได้ครั้งละ 5 ข้อความ)",
  lineMoreRows: "…และอีก {count} แถว",
  lineMoreLines: "…อีก {count} บรรทัดถูกตัดออกให้พอดีกับขนาดข้อความของ LINE",
  chartAttached: ":bar_chart: แนบกราฟ: {alt}",
  homeOpen: "เปิดในช่อง",
  homeDigests: "สรุปรายวัน",
  homeNoDigest: "ยังไม่มีช่องใดเปิดสรุปรายวัน ให้ผู้ดูแลเรียกใช้ `/balance digest on` ในช่องที่ต้องการ",
  homeDigestSetting: "{channel} · {enabled, select, yes {เปิด} other {ปิด}} เวลา {time} {zone}",
  homeDigestSettingDefault:
    "{channel} · {enabled, select, yes {เปิด} other {ปิด}} เวลา {time} {zone} (ค่าเริ่มต้น)",
  homeMoreChannels: "และอีก {count} ช่อง",
  homeNoAlerts: "ยังไม่มีการแจ้งเตือน",
  discordButtonsInServer: "ปุ่มเหล่านี้ใช้ได้ในช่องของเซิร์ฟเวอร์เท่านั้น",
  discordUseInServer: "ใช้ /balance ในช่องของเซิร์ฟเวอร์",
  discordOutOfDate: "คำสั่งนี้ล้าสมัยแล้ว โปรดให้ผู้ดูแลเรียกใช้ `balance-bot register-commands`",
  consoleChoose: "{choices}  — พิมพ์หมายเลขเพื่อเลือก",
} as const satisfies Translation<typeof en>;
