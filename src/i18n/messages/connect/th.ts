import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setupTitle: "ต้องตั้งค่าก่อนเชื่อมต่อร้านค้าจริง",
  setupSummary: "ตั้งค่า {variables} แล้วรีสตาร์ท balance-bot และเรียก /balance connect อีกครั้ง",
  and: "{first} และ {next}",
  setupFooter: "ดู README หัวข้อ “Connecting a real shop”",
  settingServiceId:
    "TIKTOK_SERVICE_ID: Service ID ของแอปใน TikTok Shop Partner Center ส่วนสากล (อยู่ในลิงก์อนุญาต services.tiktokshop.com/open/authorize?service_id=…)",
  settingUsServiceId:
    "TIKTOK_US_SERVICE_ID: Service ID ของแอปใน TikTok Shop Partner Center สหรัฐฯ (อยู่ในลิงก์อนุญาต services.tiktokshops.us/open/authorize?service_id=…)",
  settingPublicUrl:
    "PUBLIC_URL: ที่อยู่ https สาธารณะของบอต เช่น https://balance.example.com และลงทะเบียน {callback} เป็น redirect URL ของแอปใน Partner Center",
  settingPort: "PORT: เซิร์ฟเวอร์ HTTP ของบอต (callback และ webhook) ไม่ได้ทำงาน ตั้งค่า PORT (เช่น 3000) แล้วรีสตาร์ท",
  title: "เชื่อมต่อ TikTok Shop",
  summary:
    "เปิด{links, plural, =1 {ลิงก์นี้} other {ลิงก์สำหรับภูมิภาคของคุณ}}ในฐานะเจ้าของร้านค้าและอนุมัติ balance-bot: {urls}",
  linkSandbox: "ร้านค้า sandbox",
  linkUs: "ผู้ขายในสหรัฐฯ",
  linkGlobal: "ผู้ขายนอกสหรัฐฯ",
  noteOnce: "ลิงก์ใช้ได้ครั้งเดียวและหมดอายุใน 30 นาที (เวลา {time} UTC)",
  noteApproved: "เมื่อเจ้าของอนุมัติ ช่องนี้จะได้รับการยืนยันและร้านค้าจะปรากฏใน /balance shops",
  footerSandbox: "ร้านค้า sandbox · ไม่แตะต้องร้านค้าจริง",
  footerReal: "การอนุญาต TikTok Shop",
  whichShop: "โปรดระบุร้านค้าที่จะยกเลิกการเชื่อมต่อ: {shops}",
  disconnectedTitle: "ยกเลิกการเชื่อมต่อ {shop} แล้ว",
  disconnectedSummary: "{shop} ไม่ได้เชื่อมต่อกับเวิร์กสเปซนี้แล้ว",
  credentialsDeleted: "ไม่มีเวิร์กสเปซอื่นใช้การอนุญาต TikTok ของร้านนี้ จึงลบข้อมูลรับรองที่เก็บไว้แล้ว",
  credentialsKept: "ยังมีเวิร์กสเปซอื่นใช้การอนุญาต TikTok ของร้านนี้ จึงเก็บข้อมูลรับรองไว้",
  historyStays: "ประวัติที่ซิงค์แล้วยังอยู่ในฐานข้อมูล ใช้ /balance connect เพื่อเชื่อมต่ออีกครั้ง",
  sandboxAgain: "Sandbox: เวิร์กสเปซที่ไม่มีร้านค้าจะเห็นร้านค้า sandbox อีกครั้งในคำสั่งถัดไป",
} as const satisfies Translation<typeof en>;
