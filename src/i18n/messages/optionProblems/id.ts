import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAPeriod: "gunakan salah satu periode ini: {help}",
  idNotANumber: "harus berupa angka seperti 3 (lihat daftarnya)",
  idNotWhole: "harus berupa bilangan bulat seperti 3",
  idTooSmall: "harus 1 atau lebih",
  idTooLarge: "terlalu besar untuk sebuah ID",
} satisfies Translation<typeof en>;
