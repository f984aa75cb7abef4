import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAPeriod: "ไม่ใช่ช่วงเวลา โปรดใช้ {help}",
  idNotANumber: "ต้องเป็นตัวเลข เช่น 3 (ดูจากรายการ)",
  idNotWhole: "ต้องเป็นจำนวนเต็ม เช่น 3",
  idTooSmall: "ต้องเป็น 1 ขึ้นไป",
  idTooLarge: "มีค่ามากเกินกว่าจะเป็นรหัสได้",
} satisfies Translation<typeof en>;
