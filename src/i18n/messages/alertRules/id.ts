import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  needsAmount: '"alerts add {kind}" memerlukan jumlah',
  takesNoAmount: '"alerts add {kind}" tidak memakai jumlah',
  recoverBelow: 'recover {recover} harus sama dengan atau di atas ambang {limit} untuk peringatan "below"',
  recoverAbove: 'recover {recover} harus sama dengan atau di bawah ambang {limit} untuk peringatan "above"',
  addedTitle: "Peringatan #{id} ditambahkan",
  addedSummary: "Saluran ini akan diberi tahu {rule}.",
  listTitle: "Peringatan ({count})",
  listNone: "Belum ada peringatan",
  listSummary: "{count} aturan peringatan",
  listNoneNote: "Belum ada peringatan. Admin dapat menambahkannya dengan /balance alerts add payout",
  columnId: "Id",
  columnTells: "Memberi tahu",
  columnChannel: "Saluran",
  columnState: "Status",
  thisChannel: "saluran ini",
  stateParked: "disisihkan: {reason} (hapus dengan /balance alerts remove {id})",
  stateMuted: "dibisukan (aktifkan lagi dengan /balance alerts unmute {id})",
  stateSnoozed: "ditunda hingga {until} UTC (akhiri dengan /balance alerts unsnooze {id})",
  stateArmed: "siaga",
  stateFired: "sudah terpicu, menunggu pulih",
  stateOn: "aktif",
  notFound: "tidak ada peringatan #{id} di workspace ini (lihat /balance alerts list)",
  removed: "Peringatan #{id} dihapus",
  notInState:
    "peringatan #{id} tidak sedang {change, select, unsnooze {ditunda} other {dibisukan}}; tidak ada yang diubah",
  undone: "Peringatan #{id} {change, select, unsnooze {tidak lagi ditunda} other {aktif kembali}}",
} as const satisfies Translation<typeof en>;
