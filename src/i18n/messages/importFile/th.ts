import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notText: 'ไฟล์นี้ไม่ใช่ข้อความ (มีไบต์ศูนย์) และไม่ใช่เวิร์กบุ๊ก XLSX กรุณาบันทึกใหม่เป็น "CSV UTF-8" หรือ .xlsx',
  notInEncoding: 'อ่านไฟล์เป็นข้อความด้วยการเข้ารหัส {encoding} ไม่ได้ กรุณาบันทึกใหม่เป็น "CSV UTF-8" หรือ .xlsx',
  recordTooLong: 'แถว {row} ยาวเกิน {mb} MB: อาจมีเครื่องหมายคำพูด (") ที่ไม่ได้ปิด',
  notCsv: "อ่านไฟล์เป็น CSV ไม่ได้ (แถว {row}: {detail})",
  oldXls: "นี่คือเวิร์กบุ๊ก .xls แบบไบนารีรุ่นเก่า กรุณาเปิดแล้วบันทึกเป็น .xlsx หรือ .csv",
  notXlsx: "อ่านไฟล์เป็นเวิร์กบุ๊ก XLSX ไม่ได้ ({detail})",
  damaged: "ไฟล์ XLSX เสียหาย ({why}) กรุณาดาวน์โหลดไฟล์ส่งออกจาก Seller Center ใหม่",
  damagedNoDirectory: "ไม่มีไดเรกทอรี zip ที่ท้ายไฟล์",
  damagedEntry: "รายการในไดเรกทอรีเสียหาย",
  damagedInflate: "มีส่วนที่คลายการบีบอัดไม่ได้",
  damagedMissing: "ไม่พบ {part}",
  damagedShort: "{part} ถูกตัดขาด",
  damagedCompression: "{part} ใช้การบีบอัดที่ไม่รู้จัก",
  noSheet: "ไม่มีชีตใดที่มีคอลัมน์ Order/adjustment ID (ชีต: {sheets})",
  noHeaderRows: "ไม่พบแถวหัวตารางที่มีคอลัมน์ Order/adjustment ID ใน {rows} แถวแรก",
  noHeaderSheet: 'ไม่พบแถวหัวตารางที่มีคอลัมน์ Order/adjustment ID ในชีต "{sheet}"',
  unsettledExport:
    "ไฟล์นี้ดูเหมือนเป็นไฟล์ส่งออกคำสั่งซื้อที่ TikTok ยังไม่ชำระยอด (ถูกพักไว้) กรุณานำเข้าไฟล์ส่งออกใบแจ้งยอดที่ชำระแล้ว (Finance → Statements / Income) แทน",
  missingColumns: "หัวตารางในแถว {row} ไม่มีคอลัมน์ {missing} (คอลัมน์ที่พบ: {found})",
  missingSettledTime: "Order settled time (หรือ Statement date)",
  missingBoth: "{first} และไม่มีคอลัมน์ {second}",
  datesMixed:
    "ไฟล์เขียนวันที่ทั้งแบบวันขึ้นก่อน (31/01/2026) และเดือนขึ้นก่อน (01/31/2026) กรุณาจัดรูปแบบคอลัมน์วันที่เป็น YYYY-MM-DD แล้วนำเข้าอีกครั้ง",
  datesAmbiguous:
    'วันที่ (เช่น "{example}") อาจเป็นแบบวันขึ้นก่อนหรือเดือนขึ้นก่อน และภาษาของไฟล์ส่งออกไม่ได้ระบุ กรุณาจัดรูปแบบคอลัมน์วันที่เป็น YYYY-MM-DD ในสเปรดชีต หรือนำเข้าบนเซิร์ฟเวอร์ด้วย `balance-bot import <file> --date-order dmy` (หรือ mdy)',
  badZone: '"{zone}" ไม่ใช่เขตเวลา (ใช้ชื่อ IANA เช่น Asia/Jakarta)',
  sheetCurrency:
    'ชีต "{sheet}" ระบุสกุลเงินเป็น {sheetCurrency} แต่แถวข้อมูลเป็น {rowCurrency} กรุณาดาวน์โหลดไฟล์ส่งออกใหม่',
  noCurrency: "ไฟล์ไม่มีคอลัมน์ Currency และยังไม่ทราบสกุลเงินของร้านค้า",
  shopCurrency: 'ไฟล์เป็นสกุลเงิน {currency} แต่ร้านค้า "{shop}" ใช้ {shopCurrency} กรุณานำเข้าด้วยชื่อ --shop อื่น',
  limitFileBytes: "ไฟล์มีขนาด {size} เกินขีดจำกัด {limit} ต่อการนำเข้าหนึ่งครั้ง กรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
  limitUncompressed:
    "ไฟล์ขยายออกเกิน {limit} (ขีดจำกัดต่อการนำเข้าหนึ่งครั้ง) ไฟล์ส่งออกของ Seller Center เล็กกว่านี้มาก จึงไม่ใช่ไฟล์ดังกล่าว หรือกรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
  limitZipEntries: "เวิร์กบุ๊กมี {entries, number} ส่วน เกินขีดจำกัด {limit, number} จึงไม่ใช่ไฟล์ส่งออกของ Seller Center",
  limitRows: "ไฟล์มีมากกว่า {limit, number} แถว (ขีดจำกัดต่อการนำเข้าหนึ่งครั้ง) กรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
  limitColumns:
    "แถว {row} มีมากกว่า {limit, number} คอลัมน์ (ขีดจำกัด) ไฟล์ส่งออกของ Seller Center มีประมาณ 100 คอลัมน์",
  limitCells: "ไฟล์มีมากกว่า {limit, number} เซลล์ (ขีดจำกัดต่อการนำเข้าหนึ่งครั้ง) กรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
  limitSeconds:
    "การอ่านไฟล์ใช้เวลาเกิน {limit} วินาที (ขีดจำกัดต่อการนำเข้าหนึ่งครั้ง) กรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
  limitHeap:
    "การอ่านไฟล์ต้องใช้หน่วยความจำเกิน {limit, number} MB (ขีดจำกัดต่อการนำเข้าหนึ่งครั้ง) กรุณาส่งออกช่วงเวลาที่สั้นลงแล้วนำเข้าทีละไฟล์",
} as const satisfies Translation<typeof en>;
