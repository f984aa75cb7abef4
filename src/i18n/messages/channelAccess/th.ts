import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  refused: "บอตโพสต์{what}ในช่องนี้ไม่ได้: {reason} {fix} ยังไม่ได้บันทึกการตั้งค่าใด ๆ",
  whatAlerts: "การแจ้งเตือน",
  whatDigest: "สรุปประจำวัน",
  joined: "บอตเข้าร่วม #{channel} แล้วเพื่อให้โพสต์ที่นี่ได้",
  discordLacks: "บอตไม่มีสิทธิ์ {permissions} ที่นี่",
  discordFix:
    "ให้ผู้ดูแลเซิร์ฟเวอร์เปิด #{channel} → Edit Channel → Permissions แล้วอนุญาตให้บทบาทของบอตมีสิทธิ์ {permissions}",
  discordFixHere:
    "ให้ผู้ดูแลเซิร์ฟเวอร์เปิดช่องนี้ → Edit Channel → Permissions แล้วอนุญาตให้บทบาทของบอตมีสิทธิ์ {permissions}",
  slackDirect: "นี่คือข้อความส่วนตัว แต่สรุปและการแจ้งเตือนจะโพสต์ในช่อง",
  slackDirectFix: "กรุณาใช้คำสั่งในช่องที่ควรได้รับ",
  slackNotMember: "บอตไม่ได้เป็นสมาชิกของช่องนี้",
  slackInvite: "เชิญบอตด้วย `/invite @{bot}` ในช่องนี้ แล้วใช้คำสั่งอีกครั้ง",
  slackScope: "แอป Slack ไม่มีสิทธิ์อ่านรายชื่อสมาชิกช่อง (channels:read, groups:read)",
  slackReinstall: "ให้ผู้ดูแลติดตั้งแอป Slack ใหม่จาก manifest (`balance-bot slack-manifest`) เพื่อให้สิทธิ์นี้",
  slackUndescribed: "Slack ไม่ได้ให้ข้อมูลของช่องนี้",
  slackArchived: "ช่องนี้ถูกเก็บถาวรแล้ว",
  slackArchivedFix: "กรุณาใช้คำสั่งในช่องที่ยังใช้งานอยู่",
  telegramUnknown: "Telegram ไม่แจ้งสิทธิ์ของบอตในกลุ่มนี้",
  telegramUnknownFix: "กรุณาลองอีกครั้งในอีกหนึ่งนาที",
  telegramNotMember: "บอตไม่ได้เป็นสมาชิกของกลุ่มนี้",
  telegramNotMemberFix: "กรุณาเพิ่มบอตเข้ากลุ่มอีกครั้ง",
  telegramRestricted: "บอตถูกจำกัดไม่ให้ส่งข้อความหรือรูปภาพที่นี่",
  telegramRestrictedFix: "ให้ผู้ดูแลกลุ่มยกเลิกข้อจำกัดของบอต (Group settings → Permissions → Exceptions)",
  lineQuotaUsed: "LINE Official Account นี้ใช้ข้อความพุชของเดือนนี้หมดแล้ว",
  lineQuotaFix: "กรุณาอัปเกรดแพ็กเกจใน LINE Official Account Manager หรือตั้งค่านี้ใหม่หลังวันที่ 1",
} as const satisfies Translation<typeof en>;
