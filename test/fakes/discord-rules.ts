/**
 * What real Discord refuses, written from discord-api-docs (not from our code): command JSON on a
 * bulk PUT, empty messages, and the rate limits a bot meets.
 */
import type { FakeFile, Json } from "./discord-payloads.ts";

/**
 * application-commands.mdx "Application Command Naming": CHAT_INPUT command and option names match
 * this with the unicode flag, and must use the lowercase variant of any letter that has one.
 */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const GROUP = 2;
const VALUE_TYPES = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11]);
const CHOICE_TYPES = new Set([3, 4, 10]);

/**
 * The problems Discord answers a bulk overwrite (PUT …/commands) with 400 / 50035 Invalid Form
 * Body. application-commands.mdx: names as above; description 1–100; up to 25 options and 25
 * choices (choice name 1–100, string value up to 100); required options before optional ones;
 * subcommands/groups not mixed with value options, groups hold only subcommands, subcommands only
 * value options ("Subcommands and Subcommand Groups"); choices and autocomplete only on STRING,
 * INTEGER and NUMBER, never both; min_length/max_length 0–6000; up to 100 CHAT_INPUT commands;
 * "a maximum of 8000 characters for combined name, description, and value properties for each
 * command, its options (including subcommands and groups), and choices".
 */
export function commandProblems(body: unknown): string[] {
  if (!Array.isArray(body)) return ["body: must be an array"];
  const problems: string[] = [];
  if (body.filter((c) => (c as Json)?.type === undefined || (c as Json).type === 1).length > 100)
    problems.push("more than 100 CHAT_INPUT commands");
  checkNames(body as Json[], "", problems);
  for (const [i, command] of (body as Json[]).entries()) {
    const at = `${i}`;
    if (!command || typeof command !== "object") {
      problems.push(`${at}: must be an object`);
      continue;
    }
    checkNamed(command, at, problems);
    const options = command.options ?? [];
    if (!Array.isArray(options)) {
      problems.push(`${at}.options: must be an array`);
      continue;
    }
    checkLevel(options as Json[], `${at}.options`, "top", problems);
    const total = characters(command);
    if (total > 8000) problems.push(`${at}: ${total} characters combined (max 8000)`);
  }
  return problems;
}

function checkNamed(o: Json, at: string, problems: string[]): void {
  const name = o.name;
  if (typeof name !== "string" || !NAME.test(name)) problems.push(`${at}.name: invalid`);
  else if (name !== name.toLowerCase()) problems.push(`${at}.name: must be lowercase`);
  const d = o.description;
  if (typeof d !== "string" || d.length < 1 || d.length > 100)
    problems.push(`${at}.description: must be 1-100 characters`);
}

function checkNames(list: Json[], at: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const o of list) {
    const name = String(o?.name);
    if (seen.has(name)) problems.push(`${at}: duplicate name "${name}"`);
    seen.add(name);
  }
}

function checkLevel(
  options: Json[],
  at: string,
  level: "top" | "group" | "subcommand",
  problems: string[],
): void {
  if (options.length > 25) problems.push(`${at}: more than 25 options`);
  checkNames(options, at, problems);
  const nested = options.filter((o) => o?.type === SUBCOMMAND || o?.type === GROUP).length;
  if (nested > 0 && nested < options.length)
    problems.push(`${at}: subcommands cannot be mixed with other options`);
  const order = { optionalSeen: false };
  for (const [i, option] of options.entries()) checkOption(option, `${at}.${i}`, level, order, problems);
}

function checkOption(
  option: Json,
  here: string,
  level: "top" | "group" | "subcommand",
  order: { optionalSeen: boolean },
  problems: string[],
): void {
  if (!option || typeof option !== "object") {
    problems.push(`${here}: must be an object`);
    return;
  }
  checkNamed(option, here, problems);
  const type = option.type as number;
  if (type === GROUP) {
    if (level !== "top") problems.push(`${here}: a group can only be at the top level`);
    const inner = (option.options ?? []) as Json[];
    if (inner.some((o) => o?.type !== SUBCOMMAND))
      problems.push(`${here}.options: a group holds only subcommands`);
    checkLevel(inner, `${here}.options`, "group", problems);
    return;
  }
  if (type === SUBCOMMAND) {
    if (level === "subcommand") problems.push(`${here}: a subcommand cannot hold subcommands`);
    checkLevel((option.options ?? []) as Json[], `${here}.options`, "subcommand", problems);
    return;
  }
  if (!VALUE_TYPES.has(type)) {
    problems.push(`${here}.type: unknown option type ${String(type)}`);
    return;
  }
  if (level === "group") problems.push(`${here}: a group holds only subcommands`);
  if (option.required === true && order.optionalSeen)
    problems.push(`${here}: required options must come before optional ones`);
  if (option.required !== true) order.optionalSeen = true;
  const choices = option.choices as Json[] | undefined;
  if (choices !== undefined) {
    if (!CHOICE_TYPES.has(type)) problems.push(`${here}.choices: only for STRING, INTEGER and NUMBER`);
    if (choices.length > 25) problems.push(`${here}.choices: more than 25`);
    if (option.autocomplete === true) problems.push(`${here}: autocomplete cannot be used with choices`);
    choices.forEach((c, j) => {
      const n = c?.name;
      if (typeof n !== "string" || n.length < 1 || n.length > 100)
        problems.push(`${here}.choices.${j}.name: 1-100 characters`);
      if (typeof c?.value === "string" && c.value.length > 100)
        problems.push(`${here}.choices.${j}.value: over 100 characters`);
    });
  }
  if (option.autocomplete === true && !CHOICE_TYPES.has(type))
    problems.push(`${here}: autocomplete only for STRING, INTEGER and NUMBER`);
  for (const key of ["min_length", "max_length"] as const) {
    const v = option[key];
    if (v !== undefined && (type !== 3 || typeof v !== "number" || v < 0 || v > 6000))
      problems.push(`${here}.${key}: 0-6000 on STRING only`);
  }
}

function characters(o: Json): number {
  let total = String(o.name ?? "").length + String(o.description ?? "").length;
  for (const choice of (o.choices ?? []) as Json[])
    total += String(choice.name ?? "").length + String(choice.value ?? "").length;
  for (const option of (o.options ?? []) as Json[]) total += characters(option);
  return total;
}

/**
 * message.mdx "Create Message": "at least one of content, embeds, sticker_ids, components, files[n],
 * or poll" is required; otherwise 400 with code 50006 "Cannot send an empty message"
 * (topics/opcodes-and-status-codes.mdx).
 */
export function isEmptyMessage(body: Json | undefined, files: readonly FakeFile[]): boolean {
  if (files.length > 0) return false;
  const b = body ?? {};
  const content = typeof b.content === "string" ? b.content.trim() : "";
  const has = (key: string) => Array.isArray(b[key]) && (b[key] as unknown[]).length > 0;
  return (
    content === "" &&
    !has("embeds") &&
    !has("sticker_ids") &&
    !has("components") &&
    !has("attachments") &&
    !b.poll
  );
}

/** Headers and body of a rate-limited answer, as rate-limits.mdx documents them. */
export interface Limited {
  retryAfter: number;
  scope: "user" | "global";
  bucket: string;
  limit: number;
}

/**
 * rate-limits.mdx: per-route buckets report X-RateLimit-Limit/-Remaining/-Reset/-Reset-After/-Bucket;
 * "All bots can make up to 50 requests per second to our API" (global; interaction endpoints are
 * not bound by it). The per-channel message bucket is not published ("don't hard-code" it): the
 * fake uses 5 per 5 s per channel, the figure commonly observed. UNCERTAIN.
 */
export class DiscordRateLimiter {
  private readonly global: number[] = [];
  private readonly channels = new Map<string, number[]>();

  constructor(
    readonly channelLimit = 5,
    readonly channelWindowMs = 5_000,
    readonly globalPerSecond = 50,
  ) {}

  /** Counts a bot-authenticated request against the global limit; returns a refusal if over it. */
  admitGlobal(now: number): Limited | undefined {
    prune(this.global, now, 1_000);
    if (this.global.length >= this.globalPerSecond) {
      return {
        retryAfter: (this.global[0]! + 1_000 - now) / 1000,
        scope: "global",
        bucket: "global",
        limit: this.globalPerSecond,
      };
    }
    this.global.push(now);
    return undefined;
  }

  /** Counts a message create in `channelId`; the state for the X-RateLimit headers, or a refusal. */
  admitMessage(channelId: string, now: number): { limited?: Limited; remaining: number; resetAfter: number } {
    const recent = this.channels.get(channelId) ?? [];
    prune(recent, now, this.channelWindowMs);
    this.channels.set(channelId, recent);
    const resetAfter =
      recent.length > 0 ? (recent[0]! + this.channelWindowMs - now) / 1000 : this.channelWindowMs / 1000;
    if (recent.length >= this.channelLimit) {
      return {
        limited: {
          retryAfter: resetAfter,
          scope: "user",
          bucket: `channel-messages:${channelId}`,
          limit: this.channelLimit,
        },
        remaining: 0,
        resetAfter,
      };
    }
    recent.push(now);
    return { remaining: this.channelLimit - recent.length, resetAfter };
  }
}

function prune(times: number[], now: number, windowMs: number): void {
  while (times.length > 0 && now - times[0]! >= windowMs) times.shift();
}
