import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notText:
    'file ini bukan teks (berisi byte nol) dan bukan workbook XLSX; simpan ulang sebagai "CSV UTF-8" atau .xlsx',
  notInEncoding:
    'file tidak terbaca sebagai teks dalam {encoding}; simpan ulang sebagai "CSV UTF-8" atau .xlsx',
  recordTooLong: 'baris {row} lebih panjang dari {mb} MB: kemungkinan ada tanda kutip (") yang tidak ditutup',
  notCsv: "file tidak terbaca sebagai CSV (baris {row}: {detail})",
  oldXls: "ini workbook .xls biner versi lama; buka lalu simpan sebagai .xlsx atau .csv",
  notXlsx: "file bukan workbook XLSX yang terbaca ({detail})",
  damaged: "file XLSX rusak ({why}); unduh ulang ekspor dari Seller Center",
  damagedNoDirectory: "tidak ada direktori zip di akhir file",
  damagedEntry: "entri direktori rusak",
  damagedInflate: "ada bagian yang tidak bisa didekompresi",
  damagedMissing: "{part} tidak ada",
  damagedShort: "{part} terpotong",
  damagedCompression: "{part} memakai kompresi yang tidak dikenal",
  noSheet: "tidak ada sheet yang memiliki kolom Order/adjustment ID (sheet: {sheets})",
  noHeaderRows: "tidak ada baris header dengan kolom Order/adjustment ID di {rows} baris pertama",
  noHeaderSheet: 'tidak ada baris header dengan kolom Order/adjustment ID di sheet "{sheet}"',
  unsettledExport:
    "ini tampaknya ekspor pesanan yang belum diselesaikan (ditahan); impor ekspor laporan yang sudah diselesaikan (Finance → Statements / Income)",
  missingColumns: "header di baris {row} tidak memiliki kolom {missing} (kolom yang ada: {found})",
  missingSettledTime: "Order settled time (atau Statement date)",
  missingBoth: "{first} dan kolom {second}",
  datesMixed:
    "file menulis tanggal dengan hari di depan (31/01/2026) dan bulan di depan (01/31/2026); format kolom tanggal sebagai YYYY-MM-DD lalu impor lagi",
  datesAmbiguous:
    'tanggal (misalnya "{example}") bisa berarti hari di depan atau bulan di depan dan bahasa ekspor tidak menjelaskannya; format kolom tanggal sebagai YYYY-MM-DD di spreadsheet, atau impor di server dengan `balance-bot import <file> --date-order dmy` (atau mdy)',
  badZone: '"{zone}" bukan zona waktu (gunakan nama IANA seperti Asia/Jakarta)',
  sheetCurrency:
    'sheet "{sheet}" menyebut mata uangnya {sheetCurrency} tetapi baris-barisnya dalam {rowCurrency}; unduh ulang ekspornya',
  noCurrency: "file tidak memiliki kolom Currency dan mata uang toko belum diketahui",
  shopCurrency:
    'file dalam {currency} tetapi toko "{shop}" dalam {shopCurrency}; impor dengan nama --shop yang lain',
  limitFileBytes:
    "ukuran file {size}, melebihi batas {limit} untuk satu impor; ekspor periode yang lebih pendek lalu impor tiap file",
  limitUncompressed:
    "file mengembang menjadi lebih dari {limit} (batas untuk satu impor); ekspor Seller Center jauh lebih kecil, jadi ini bukan ekspor tersebut, atau ekspor periode yang lebih pendek lalu impor tiap file",
  limitZipEntries:
    "workbook berisi {entries, number} bagian, melebihi batas {limit, number}; ini bukan ekspor Seller Center",
  limitRows:
    "file memiliki lebih dari {limit, number} baris (batas untuk satu impor); ekspor periode yang lebih pendek lalu impor tiap file",
  limitColumns:
    "baris {row} memiliki lebih dari {limit, number} kolom (batasnya); ekspor Seller Center memiliki sekitar 100",
  limitCells:
    "file memiliki lebih dari {limit, number} sel (batas untuk satu impor); ekspor periode yang lebih pendek lalu impor tiap file",
  limitSeconds:
    "membaca file memakan waktu lebih dari {limit} detik (batas untuk satu impor); ekspor periode yang lebih pendek lalu impor tiap file",
  limitHeap:
    "membaca file memerlukan lebih dari {limit, number} MB memori (batas untuk satu impor); ekspor periode yang lebih pendek lalu impor tiap file",
} as const satisfies Translation<typeof en>;
