import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setTitle: "Target #{id} disimpan",
  setSummary:
    "Target {metric, select, revenue {pendapatan} other {penyelesaian}} {cadence, select, daily {harian} weekly {mingguan} other {bulanan}} sebesar {amount} untuk {shop}: sejauh ini {percent}% ({period}, {zone}).",
  notPositive: "amount harus lebih dari nol, misalnya 5000",
  listTitle: "Target ({count})",
  listNone: "Belum ada target",
  listSummary: "{count} target",
  listNoneNote: "Belum ada target. Admin dapat membuatnya dengan /balance goal set 5000 monthly",
  rowGoal:
    "{shop}: {metric, select, revenue {pendapatan} other {penyelesaian}} {cadence, select, daily {harian} weekly {mingguan} other {bulanan}}",
  rowProgress: "{achieved} dari {target} ({percent}%)",
  rowReached: "tercapai ✓",
  rowPace: "perlu {amount}/hari selama {days, plural, other {# hari}}",
  columnId: "Id",
  columnGoal: "Target",
  columnProgress: "Progres",
  columnPace: "Laju",
  columnProjection: "Proyeksi",
  columnPeriod: "Periode",
  listNote:
    "Dihitung dari dana yang sudah diselesaikan; hari menurut zona waktu tiap toko. Proyeksi = total periode dengan laju harian saat ini.",
  removed: "Target #{id} dihapus",
  notFound: "tidak ada target #{id} di workspace ini (lihat /balance goal list)",
  weekOf: "minggu mulai {day}",
} as const satisfies Translation<typeof en>;
