/**
 * The "Withdrawal records" sheet of a Seller Center income workbook: money sent from the TikTok
 * balance to the bank, i.e. the imported shop's payouts. Columns (reference §6): `Transaction
 * type`, `Reference ID`, `Request time`, `Amount`, `Status` (e.g. "Transferred"), `Success time`,
 * `Bank account`. The Thai names come from a public parser's test built on a real file
 * (`บันทึกการถอน`: ประเภทธุรกรรม, ID อ้างอิง, เวลาส่งคำขอ, จำนวน, สถานะ, เวลาที่สำเร็จ,
 * บัญชีธนาคาร); the Vietnamese, Indonesian, Malay and Chinese ones are UNCERTAIN translations.
 */

import type { PaymentStatus } from "../port.ts";
import { parseAmountNumber, parseAmountText } from "./amounts.ts";
import { type Cell, cellText, isBlankRow } from "./cells.ts";
import { type DateOrder, parseStamp, type Stamp } from "./dates.ts";
import { normalizeHeader } from "./headers.ts";
import type { Problem, Said } from "./import-error.ts";
import { cellProblem, missing } from "./parse-rows.ts";

const ALIASES = {
  reference: [
    "reference id",
    "id อ้างอิง",
    "id tham chiếu",
    "mã tham chiếu",
    "id referensi",
    "id rujukan",
    "参考 id",
    "参考id",
  ],
  type: [
    "transaction type",
    "type",
    "ประเภทธุรกรรม",
    "loại giao dịch",
    "jenis transaksi",
    "jenis urus niaga",
    "交易类型",
  ],
  requested: [
    "request time",
    "เวลาส่งคำขอ",
    "thời gian yêu cầu",
    "waktu permintaan",
    "masa permintaan",
    "申请时间",
  ],
  amount: ["amount", "จำนวน", "số tiền", "jumlah", "金额"],
  status: ["status", "สถานะ", "trạng thái", "状态"],
  succeeded: [
    "success time",
    "เวลาที่สำเร็จ",
    "thời gian thành công",
    "waktu berhasil",
    "masa berjaya",
    "成功时间",
  ],
  bank: ["bank account", "บัญชีธนาคาร", "tài khoản ngân hàng", "rekening bank", "akaun bank", "银行账户"],
} as const;
type WithdrawalField = keyof typeof ALIASES;

const FIELD_BY_ALIAS = new Map<string, WithdrawalField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias).key, field as WithdrawalField] as const),
  ),
);

export interface WithdrawalHeader {
  row: number;
  columns: Partial<Record<WithdrawalField, { index: number; label: string }>>;
}

/** A header row with a reference ID, an amount and a request time; undefined otherwise. */
export function mapWithdrawalHeader(row: readonly Cell[], rowNumber: number): WithdrawalHeader | undefined {
  const columns: WithdrawalHeader["columns"] = {};
  row.forEach((cell, index) => {
    const label = cellText(cell);
    const field = FIELD_BY_ALIAS.get(normalizeHeader(label).key);
    if (field && !columns[field]) columns[field] = { index, label };
  });
  return columns.reference && columns.amount && columns.requested ? { row: rowNumber, columns } : undefined;
}

export function findWithdrawalHeader(rows: readonly (readonly Cell[])[]): WithdrawalHeader | undefined {
  for (let i = 0; i < rows.length; i++) {
    const header = mapWithdrawalHeader(rows[i] ?? [], i + 1);
    if (header) return header;
  }
  return undefined;
}

/** One withdrawal, normalized; amounts exact and positive (money leaving the TikTok balance). */
export interface ExportWithdrawal {
  row: number;
  id: string;
  /** WITHDRAW for the usual row; another type as the file spells it, upper-cased. */
  type: string;
  status: PaymentStatus;
  /** The status as the file writes it, kept for `/balance status`. */
  statusText: string;
  amount: string;
  requested: Stamp;
  succeeded: Stamp | null;
  bankAccount: string | null;
}

const WITHDRAW_WORDS = /^(withdraw(al)?|ถอน(เงิน)?|rút tiền|penarikan|pengeluaran|提现)$/i;

/** The status words of the sheet (reference §6 shows "Transferred"; others UNCERTAIN). */
function withdrawalStatus(text: string): PaymentStatus {
  const t = text.normalize("NFKC").toLowerCase();
  if (/fail|reject|return|revers|gagal|ditolak|thất bại|hoàn trả|ล้มเหลว|ถูกปฏิเสธ|失败|退回/.test(t))
    return "FAILED";
  if (
    /transferred|success|complete|paid|berhasil|selesai|berjaya|thành công|đã chuyển|สำเร็จ|โอนแล้ว|成功|已转账/.test(
      t,
    )
  )
    return "PAID";
  return "PROCESSING";
}

export function parseWithdrawalRows(
  rows: readonly Cell[][],
  header: WithdrawalHeader,
  order: DateOrder,
): { withdrawals: ExportWithdrawal[]; problems: Said[] } {
  const { columns } = header;
  const withdrawals: ExportWithdrawal[] = [];
  const problems: Said[] = [];
  for (let i = header.row; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    const rowNumber = i + 1;
    const bad = (problem: Problem) =>
      problems.push({ key: "importRows.withdrawalRow", values: { row: rowNumber, problem } });
    const text = (field: WithdrawalField) => {
      const column = columns[field];
      return column ? cellText(cells[column.index]) : "";
    };
    const id = text("reference");
    const amountCell = columns.amount ? cells[columns.amount.index] : null;
    const amount =
      typeof amountCell === "number" ? parseAmountNumber(amountCell) : parseAmountText(cellText(amountCell));
    const requested = columns.requested ? parseStamp(cells[columns.requested.index], order) : null;
    const succeeded = columns.succeeded ? parseStamp(cells[columns.succeeded.index], order) : null;
    if (!id) bad(missing(columns.reference));
    if (!amount.ok) bad(cellProblem(columns.amount, amount.problem));
    else if (amount.value === null) bad(missing(columns.amount));
    if (requested && !requested.ok) bad(cellProblem(columns.requested, requested.problem));
    else if (!requested?.stamp) bad(missing(columns.requested));
    if (succeeded && !succeeded.ok) bad(cellProblem(columns.succeeded, succeeded.problem));
    if (!id || !amount.ok || amount.value === null || !requested?.ok || !requested.stamp) continue;
    if (succeeded && !succeeded.ok) continue;
    const typeText = text("type");
    const statusText = text("status");
    withdrawals.push({
      row: rowNumber,
      id,
      type:
        !typeText || WITHDRAW_WORDS.test(typeText) ? "WITHDRAW" : typeText.toUpperCase().replace(/\s+/g, "_"),
      status: withdrawalStatus(statusText),
      statusText,
      amount: amount.value.replace(/^-/, ""),
      requested: requested.stamp,
      succeeded: succeeded?.ok ? succeeded.stamp : null,
      bankAccount: text("bank") || null,
    });
  }
  return { withdrawals, problems };
}
