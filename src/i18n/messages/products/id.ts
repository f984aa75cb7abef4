import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Produk teratas · {period}",
  summary: "Produk teratas menurut penyelesaian, {period}",
  columnProduct: "Produk",
  columnQty: "Kuantitas",
  columnSettlement: "Penyelesaian",
  columnShare: "Porsi",
  source: "{period} · pesanan yang sudah diselesaikan · hari menurut {zone}",
  allIncluded: "Semua {count, number} pesanan sudah dihitung.",
  csvPartial:
    "Produk untuk {cached, number} dari {orders, number} pesanan: baris ekspor pesanan lainnya tidak punya kolom SKU ID.",
  apiPartial:
    "Detail produk untuk {cached, number} dari {orders, number} pesanan sejauh ini; sisanya diambil bertahap sesuai batas laju API.",
  more: "…dan {count, number} produk lainnya",
} as const satisfies Translation<typeof en>;
