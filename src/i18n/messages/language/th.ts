import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "ภาษา",
  chosen: "การตอบกลับในเวิร์กสเปซนี้ใช้ {name}",
  auto: "ยังไม่ได้เลือกภาษา การตอบกลับจะใช้ภาษาของแอปของแต่ละคน (ของคุณ: {name})",
  columnCode: "รหัส",
  columnLanguage: "ภาษา",
  current: "ใช้อยู่",
  howTo: "ผู้ดูแลเปลี่ยนได้ด้วย /balance language <รหัส> และ /balance language auto เพื่อกลับไปใช้ภาษาของแอปของแต่ละคน",
  setTitle: "ภาษา: {name}",
  setSummary: "จากนี้ไปการตอบกลับในเวิร์กสเปซนี้จะใช้ {name}",
  autoTitle: "ภาษา: อัตโนมัติ",
  autoSummary: "การตอบกลับกลับไปใช้ภาษาของแอปของแต่ละคน (ใช้ภาษาอังกฤษหากไม่ใช่ภาษาเหล่านี้)",
  forbidden: "เฉพาะผู้ดูแลเวิร์กสเปซเท่านั้นที่เปลี่ยนภาษาได้ ไม่มีการเปลี่ยนแปลงใด ๆ",
  unknownCode: "“{code}” ไม่ใช่ภาษาที่รองรับ ใช้ได้เฉพาะ {choices}",
} as const satisfies Translation<typeof en>;
