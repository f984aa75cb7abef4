/**
 * Finding the header row of a Seller Center finance export and mapping its columns by name
 * (reference §6: names vary by region, language and date, and some carry trailing spaces).
 */
import { type Cell, cellText } from "./cells.ts";

/**
 * Column aliases per field, as exports spell them (matched after `normalizeHeader`, so case and
 * spacing don't matter). Sources, all public third-party parsers of real exports (reference §6):
 * - English: the names the reference lists.
 * - Indonesian: `ID Pesanan/Penyesuaian` and `Jumlah penyelesaian pembayaran` are quoted by the
 *   reference; the rest are UNCERTAIN (seen in public parsers).
 * - Vietnamese: a Seller Center adapter that lists the "Chi tiết đơn hàng" sheet's headers as
 *   measured on a real file, and two Vietnamese ETL parsers (`Thời gian quyết toán đơn hàng`).
 * - Thai: two parsers and their tests built from real income files (sheet
 *   `รายละเอียดคำสั่งซื้อ`, columns `หมายเลขคำสั่งซื้อ/การปรับ`, `ยอดการชำระเงินทั้งหมด`, …).
 * - Malay and simplified Chinese: no real export was found; these are UNCERTAIN translations
 *   following the English layout, and a file that uses other words is refused with the columns
 *   it has, never misread.
 * See test/fixtures/exports/SOURCES.md for each fixture's origin.
 */
export const FIELD_ALIASES = {
  id: [
    "order/adjustment id",
    "id pesanan/penyesuaian",
    "id đơn hàng/điều chỉnh",
    "mã đơn hàng/điều chỉnh",
    "หมายเลขคำสั่งซื้อ/การปรับ",
    "id pesanan/pelarasan",
    "订单/调整 id",
    "订单/调整id",
  ],
  type: [
    "type",
    "transaction type",
    "jenis",
    "jenis transaksi",
    "tipe",
    "loại giao dịch",
    "ประเภทธุรกรรม",
    "jenis urus niaga",
    "类型",
    "交易类型",
  ],
  relatedOrderId: [
    "related order id",
    "id pesanan terkait",
    "id đơn hàng liên quan",
    "หมายเลขคำสั่งซื้อที่เกี่ยวข้อง",
    "id pesanan berkaitan",
    "关联订单 id",
    "关联订单id",
  ],
  orderCreated: [
    "order created time",
    "creation date",
    "waktu pesanan dibuat",
    "waktu pembuatan pesanan",
    "thời gian tạo đơn hàng",
    "เวลาที่สร้างคำสั่งซื้อ",
    "masa pesanan dibuat",
    "订单创建时间",
  ],
  settledTime: [
    "order settled time",
    "settled time",
    "waktu penyelesaian pesanan",
    "waktu penyelesaian",
    "waktu pesanan diselesaikan",
    "thời gian quyết toán đơn hàng",
    "เวลาที่ชำระคำสั่งซื้อ",
    "masa pesanan diselesaikan",
    "订单结算时间",
  ],
  statementDate: [
    "statement date",
    "tanggal laporan",
    "tanggal laporan mutasi",
    "tarikh penyata",
    "账单日期",
  ],
  currency: ["currency", "mata uang", "đơn vị tiền tệ", "สกุลเงิน", "mata wang", "币种", "货币"],
  settlement: [
    "total settlement amount",
    "jumlah penyelesaian pembayaran",
    "total jumlah penyelesaian",
    "jumlah penyelesaian",
    "tổng số tiền quyết toán",
    "ยอดการชำระเงินทั้งหมด",
    "jumlah penyelesaian keseluruhan",
    "结算总额",
    "总结算金额",
  ],
  revenue: ["total revenue", "total pendapatan", "tổng doanh thu", "รายได้ทั้งหมด", "jumlah hasil", "总收入"],
  fee: ["total fees", "total fee", "total biaya", "tổng phí", "ค่าธรรมเนียมทั้งหมด", "jumlah yuran", "总费用"],
  shipping: [
    "seller shipping fee",
    "biaya pengiriman penjual",
    "phí vận chuyển của người bán",
    "ยอดรวมค่าจัดส่งที่ร้านค้าจ่ายจริง",
    "卖家运费",
  ],
  adjustment: [
    "adjustment amount",
    "total adjustment",
    "jumlah penyesuaian",
    "số tiền điều chỉnh",
    "จำนวนการปรับยอด",
    "jumlah pelarasan",
    "调整金额",
  ],
  status: ["status", "trạng thái", "สถานะ", "状态"],
  skuId: ["sku id", "id sku", "รหัส sku"],
  quantity: ["quantity", "kuantitas", "số lượng", "จำนวนสินค้า", "kuantiti", "数量"],
} as const satisfies Record<string, readonly string[]>;

export type Field = keyof typeof FIELD_ALIASES;

/**
 * The product-name column, kept in the raw row and read back for `/balance products`. English is
 * in reference §6, Vietnamese (`Tên sản phẩm`) in the real-file header list cited above; the
 * others are UNCERTAIN.
 */
export const PRODUCT_NAME_ALIASES = ["product name", "nama produk", "tên sản phẩm", "ชื่อสินค้า", "商品名称"];

/** Money columns of the normalized row (validated as exact decimals). */
export const MONEY_FIELDS = ["settlement", "revenue", "fee", "shipping", "adjustment"] as const;

/**
 * Per-column breakdown, keyed like the API path (`fee.*`, `shipping.*`, `revenue.*`, see
 * `tiktok/breakdowns.ts`) so `/balance breakdown` reads imports and API data alike.
 */
export const BREAKDOWN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "fee.transaction_fee_amount": ["transaction fee", "biaya transaksi", "phí giao dịch", "交易手续费"],
  "fee.platform_commission_amount": [
    "tiktok shop commission fee",
    "biaya komisi tiktok shop",
    "komisi tiktok shop",
    "biaya komisi platform",
    "phí hoa hồng của tiktok shop",
    "ค่าคอมมิชชั่น tiktok shop",
    "tiktok shop 佣金",
  ],
  "fee.affiliate_commission_amount": [
    "affiliate commission",
    "komisi afiliasi",
    "hoa hồng liên kết",
    "ค่าคอมมิชชั่นแอฟฟิลิเอต",
  ],
  "fee.affiliate_partner_commission_amount": [
    "affiliate partner commission",
    "komisi mitra afiliasi",
    "hoa hồng của đối tác liên kết",
  ],
  "fee.affiliate_ads_commission_amount": [
    "affiliate shop ads commission",
    "hoa hồng liên kết quảng cáo cửa hàng",
    "ค่าคอมมิชชั่นแอฟฟิลิเอตสำหรับโฆษณาร้านค้า",
  ],
  "fee.sfp_service_fee_amount": ["sfp service fee", "biaya layanan sfp", "phí dịch vụ sfp"],
  "fee.referral_fee_amount": ["referral fee"],
  "shipping.actual_shipping_fee_amount": [
    "actual shipping fee",
    "biaya pengiriman aktual",
    "phí vận chuyển thực tế",
    "ค่าธรรมเนียมการจัดส่งจริง",
  ],
  "shipping.customer_paid_shipping_fee_amount": [
    "customer shipping fee",
    "customer-paid shipping fee",
    "chi phí vận chuyển của khách hàng",
    "ค่าธรรมเนียมการจัดส่งของลูกค้า",
  ],
  "shipping.supplementary.platform_shipping_fee_discount_amount": [
    "platform shipping fee discount",
    "chiết khấu phí vận chuyển của nền tảng",
    "ส่วนลดค่าธรรมเนียมการจัดส่งจากแพลตฟอร์ม",
  ],
  "revenue.subtotal_before_discount_amount": [
    "subtotal before discounts",
    "subtotal sebelum diskon",
    "tổng phụ trước giảm giá",
    "ยอดรวมค่าสินค้าก่อนหักส่วนลด",
  ],
  "revenue.seller_discount_amount": [
    "seller discounts",
    "diskon penjual",
    "giảm giá của người bán",
    "ส่วนลดจากร้านค้า",
  ],
  "revenue.seller_discount_refund_amount": [
    "refund of seller discounts",
    "khoản hoàn tiền giảm giá của người bán",
    "เงินคืนจากส่วนลดร้านค้า",
  ],
  "revenue.refund_subtotal_before_discount_amount": [
    "refund subtotal before seller discounts",
    "subtotal pengembalian dana sebelum diskon penjual",
    "tổng phụ hoàn tiền trước giảm giá của người bán",
    "ยอดรวมเงินคืนก่อนหักส่วนลดจากร้านค้า",
  ],
  // No API key says "after discounts": kept apart rather than passed off as the "before" figure.
  "revenue.refund_subtotal_after_discount_amount": [
    "refund subtotal after seller discounts",
    "subtotal pengembalian dana setelah diskon penjual",
    "tổng phụ của khoản hoàn tiền sau giảm giá của người bán",
    "ยอดรวมเงินคืนหลังหักส่วนลดจากผู้ขาย",
  ],
};

/** Columns of the unsettled (on-hold) export, which is not a statement export. */
const UNSETTLED_MARKERS = [
  "total estimated settlement amount",
  "estimated settle time",
  "số tiền quyết toán ước tính",
  "thời gian quyết toán dự kiến",
  "จำนวนเงินที่ชำระโดยประมาณ",
  "เวลาการชำระเงินโดยประมาณ",
];

/** The language an export's headers are in; it decides how slash dates read. */
export type ExportLanguage = "en" | "id" | "ms" | "vi" | "th" | "zh";

const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/;

/** The headers' language, from their script and the ID column's wording. */
export function headerLanguage(header: HeaderMap): ExportLanguage {
  const text = header.labels.map((l) => l.label.toLowerCase()).join(" ");
  if (/[\u0e00-\u0e7f]/.test(text)) return "th";
  if (/[\u4e00-\u9fff]/.test(text)) return "zh";
  if (VIETNAMESE_LETTERS.test(text)) return "vi";
  const id = header.columns.id ? normalizeHeader(header.columns.id.label).key : "";
  if (id.includes("penyesuaian")) return "id";
  if (id.includes("pelarasan")) return "ms";
  return "en";
}

export interface Column {
  /** 0-based index in the row. */
  index: number;
  /** The header as the file spells it (trimmed), for messages. */
  label: string;
  /** A zone the header names, e.g. "Order created time(UTC)" → "UTC". */
  zone: string | null;
}

export interface HeaderMap {
  /** 1-based spreadsheet row of the header. */
  row: number;
  columns: Partial<Record<Field, Column>>;
  breakdown: { key: string; column: Column }[];
  /** Every non-empty header, for the raw row. */
  labels: { index: number; label: string }[];
  /** The sheet looks like the unsettled-orders export. */
  unsettled: boolean;
}

/**
 * Case- and space-insensitive form of a header: NFKC, lower case, `\` as `/`, inner whitespace
 * collapsed and dropped around `/`; a trailing "(UTC±h)" is split off as the column's zone.
 */
export function normalizeHeader(text: string): { key: string; zone: string | null } {
  let key = text
    .normalize("NFKC")
    .replace(/\\/g, "/")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?\/ ?/g, "/");
  let zone: string | null = null;
  const suffix = /\s*\(\s*utc\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)$/.exec(key);
  if (suffix) {
    key = key.slice(0, suffix.index).trim();
    const [, sign, hours, minutes] = suffix;
    zone =
      sign && hours ? `UTC${sign}${Number(hours)}${minutes && minutes !== "00" ? `:${minutes}` : ""}` : "UTC";
  }
  return { key, zone };
}

const FIELD_BY_ALIAS = new Map<string, Field>(
  Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias).key, field as Field] as const),
  ),
);
const BREAKDOWN_BY_ALIAS = new Map<string, string>(
  Object.entries(BREAKDOWN_ALIASES).flatMap(([key, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias).key, key] as const),
  ),
);

/** Maps one row as a header; undefined unless it has the Order/adjustment ID column. */
export function mapHeaderRow(row: readonly Cell[], rowNumber: number): HeaderMap | undefined {
  const columns: Partial<Record<Field, Column>> = {};
  const breakdown: HeaderMap["breakdown"] = [];
  const labels: HeaderMap["labels"] = [];
  let unsettled = false;
  row.forEach((cell, index) => {
    const label = cellText(cell);
    if (!label) return;
    labels.push({ index, label });
    const { key, zone } = normalizeHeader(label);
    const column = { index, label, zone };
    const field = FIELD_BY_ALIAS.get(key);
    // The first column of a name wins; a later duplicate stays in the raw row only.
    if (field && !columns[field]) columns[field] = column;
    const breakdownKey = BREAKDOWN_BY_ALIAS.get(key);
    if (breakdownKey && !breakdown.some((b) => b.key === breakdownKey))
      breakdown.push({ key: breakdownKey, column });
    if (UNSETTLED_MARKERS.includes(key)) unsettled = true;
  });
  if (!columns.id) return undefined;
  return { row: rowNumber, columns, breakdown, labels, unsettled };
}

/** The first row (banner rows skipped) that carries the Order/adjustment ID column. */
export function findHeader(rows: readonly (readonly Cell[])[]): HeaderMap | undefined {
  for (let i = 0; i < rows.length; i++) {
    const header = mapHeaderRow(rows[i] ?? [], i + 1);
    if (header) return header;
  }
  return undefined;
}

/** How well a header fits a statement export (used to pick a delimiter or a sheet). */
export function headerScore(header: HeaderMap | undefined): number {
  if (!header) return 0;
  const fields = Object.keys(header.columns).length + header.breakdown.length;
  return fields + (header.columns.settlement ? 100 : 0);
}
