/**
 * Opaque page tokens and query parameter checks. Tokens deliberately contain "/" and "+" (as
 * TikTok's do), so a client that forgets to percent-encode them gets a mangled token back.
 */
import { hashInts } from "./prng.ts";

/** A request the sandbox refuses, with TikTok's code and an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function keyHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = hashInts(h, key.charCodeAt(i));
  return h;
}

export function encodePageToken(offset: number, key: string): string {
  const body = Buffer.from(JSON.stringify({ o: offset, k: keyHash(key), p: "~~~>" })).toString("base64");
  return `sbx+${body}/${hashInts(offset, keyHash(key)).toString(16).padStart(8, "0")}`;
}

/** The offset a token stands for; throws for a token from another query or a mangled one. */
export function decodePageToken(token: string, key: string): number {
  const slash = token.lastIndexOf("/");
  if (!token.startsWith("sbx+") || slash < 0) throw new ApiError(36009004, "Invalid page_token");
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(4, slash), "base64").toString("utf8")) as {
      o?: unknown;
      k?: unknown;
    };
    const offset = parsed.o;
    const check = hashInts(Number(offset), keyHash(key)).toString(16).padStart(8, "0");
    if (typeof offset === "number" && parsed.k === keyHash(key) && token.slice(slash + 1) === check)
      return offset;
  } catch {
    // falls through to the error below
  }
  throw new ApiError(36009004, "Invalid page_token");
}

/** Slices `items` for the request's page_size/page_token; `next` is "" on the last page. */
export function pageOf<T>(
  items: readonly T[],
  query: URLSearchParams,
  key: string,
): { page: T[]; next: string } {
  const size = pageSize(query);
  const token = query.get("page_token");
  const offset = token ? decodePageToken(token, key) : 0;
  const end = offset + size;
  return { page: items.slice(offset, end), next: end < items.length ? encodePageToken(end, key) : "" };
}

function pageSize(query: URLSearchParams): number {
  const raw = query.get("page_size");
  if (raw === null) return 20;
  const size = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(size >= 1 && size <= 100))
    throw new ApiError(36009004, "Invalid page_size: must be between 1 and 100");
  return size;
}

/** Unix-seconds parameter, or undefined when absent. */
export function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw new ApiError(36009004, `Invalid ${name}: must be Unix seconds`);
  return Number(raw);
}

/** Checks a required `sort_field` and returns whether the order is descending. */
export function sortParams(query: URLSearchParams, field: string): boolean {
  const sortField = query.get("sort_field");
  if (!sortField) throw new ApiError(36009004, "sort_field is required");
  if (sortField !== field) throw new ApiError(36009004, `Invalid sort_field: only ${field} is supported`);
  const order = query.get("sort_order") ?? "ASC";
  if (order !== "ASC" && order !== "DESC") throw new ApiError(36009004, "Invalid sort_order: ASC or DESC");
  return order === "DESC";
}

/** The filters of a query (everything but paging and common params), for binding page tokens. */
export function queryKey(path: string, query: URLSearchParams): string {
  const skip = new Set(["page_token", "page_size", "sign", "timestamp", "app_key", "access_token"]);
  const parts = [...query.entries()].filter(([k]) => !skip.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${path}?${parts.map(([k, v]) => `${k}=${v}`).join("&")}`;
}
