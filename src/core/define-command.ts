import type { z } from "zod";
import {
  type Formatters,
  type Locale,
  type MessageKey,
  messageSource,
  type Translator,
} from "../i18n/index.ts";
import type { CoreDeps } from "./deps.ts";
import type { Invocation } from "./invocation.ts";
import type { Reply } from "./reply.ts";
import type { WorkspaceScope } from "./workspace.ts";

/**
 * What a command's `run` gets: the services, who asked, the shops this workspace may see, and the
 * language to answer in (the workspace's choice, else the platform's locale, else English) with
 * its messages (`t`) and number, money and date formats (`fmt`).
 */
export interface CommandContext extends CoreDeps {
  invocation: Invocation;
  scope: WorkspaceScope;
  now: Date;
  locale: Locale;
  t: Translator["t"];
  fmt: Formatters;
}

/**
 * One slash-command module. The zod object is the single source of truth: free-text parsing,
 * Discord option JSON, help text and the Slack manifest all derive from it. Key order is the
 * positional order; an option whose meta says `named: true` is only given as `name:value`.
 */
export interface CommandDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Words after `/balance`: "" for the bare command, "earnings", "goal set". */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** A full example, e.g. "/balance earnings 7d". */
  example: string;
  options: S;
  /** Changes settings: needs a workspace admin. */
  admin?: boolean;
  run(ctx: CommandContext, args: z.output<S>): Promise<Reply>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every option shape.
export type AnyCommand = CommandDefinition<any>;

export function defineCommand<S extends z.ZodObject>(definition: CommandDefinition<S>): CommandDefinition<S> {
  return definition;
}

/**
 * How people type commands on a platform, for help: examples and usage in its own syntax. The
 * adapter hands its syntax over in the Invocation; without one, the text syntax (`TEXT_SYNTAX`).
 */
export interface CommandSyntax {
  /** The command's example as typed there, e.g. `/balance earnings period:7d` on Discord. */
  example(command: AnyCommand, commands: readonly AnyCommand[]): string;
  usage(command: AnyCommand): string;
  /** One line on how options (and `shop:`) are given there. */
  optionsHint: string;
  /** What makes someone an admin there, named in a refusal (e.g. "Manage Server permission"). */
  adminRule?: string;
}

export type OptionType = "string" | "integer" | "number" | "boolean";

/** Option metadata set with `.meta({ … })` on a field. */
export interface OptionMeta {
  kind?: "period" | "amount" | "zone" | "time" | "id" | "shop" | "count" | "text" | "attachment";
  /** Only accepted as `name:value` (e.g. `shop:Acme`). */
  named?: boolean;
  /** Shown in usage instead of the option name, e.g. "HH:MM". */
  placeholder?: string;
  /** The description's message (its English equals `description`), for platforms that localize it. */
  describedBy?: { key: MessageKey; values?: Record<string, string> };
}

export interface OptionInfo {
  name: string;
  description: string;
  required: boolean;
  type: OptionType;
  choices?: string[];
  kind?: string;
  positional: boolean;
  placeholder?: string;
  describedBy?: OptionMeta["describedBy"];
  min?: number;
  max?: number;
}

interface ZodLike {
  type?: string;
  def?: { type?: string; innerType?: ZodLike; in?: ZodLike; out?: ZodLike; checks?: unknown[] };
  description?: string;
  meta?: () => Record<string, unknown> | undefined;
  options?: readonly unknown[];
  minValue?: number | null;
  maxValue?: number | null;
  format?: string | null;
  isInt?: boolean;
}

function unwrap(field: ZodLike): { inner: ZodLike; optional: boolean } {
  let current = field;
  let optional = false;
  for (let i = 0; i < 10; i++) {
    const t = current.def?.type;
    if ((t === "optional" || t === "default" || t === "prefault") && current.def?.innerType) {
      optional = true;
      current = current.def.innerType;
    } else if (t === "pipe" && current.def?.in) {
      current = current.def.in;
    } else break;
  }
  return { inner: current, optional };
}

function metaOf(field: ZodLike): OptionMeta & { description?: string } {
  let current: ZodLike | undefined = field;
  const merged: Record<string, unknown> = {};
  for (let i = 0; current && i < 10; i++) {
    const meta = current.meta?.();
    if (meta) Object.assign(merged, { ...meta, ...merged });
    if (current.description && !merged.description) merged.description = current.description;
    current = current.def?.innerType ?? current.def?.in;
  }
  return merged as OptionMeta & { description?: string };
}

/** The options of a command, in positional order, as adapters need them. */
export function describeOptions(definition: AnyCommand): OptionInfo[] {
  const shape = definition.options.shape as Record<string, ZodLike>;
  return Object.entries(shape).map(([name, field]) => {
    const { inner, optional } = unwrap(field);
    const meta = metaOf(field);
    const t = inner.def?.type;
    const type: OptionType =
      t === "number"
        ? inner.isInt || inner.format === "safeint"
          ? "integer"
          : "number"
        : t === "boolean"
          ? "boolean"
          : "string";
    const info: OptionInfo = {
      name,
      description: meta.description ?? name,
      required: !optional,
      type,
      positional: !meta.named,
    };
    if (t === "enum" && inner.options) info.choices = inner.options.map(String);
    if (meta.kind) info.kind = meta.kind;
    if (meta.placeholder) info.placeholder = meta.placeholder;
    if (meta.describedBy) info.describedBy = meta.describedBy;
    if (typeof inner.minValue === "number" && Number.isFinite(inner.minValue)) info.min = inner.minValue;
    if (typeof inner.maxValue === "number" && Number.isFinite(inner.maxValue)) info.max = inner.maxValue;
    return info;
  });
}

/** "/balance goal set <amount> [daily|weekly|monthly] [settled|revenue] [shop:<name>]" */
export function usageOf(definition: AnyCommand): string {
  const parts = ["/balance", definition.name].filter(Boolean);
  for (const option of describeOptions(definition)) {
    const shown = option.choices ? option.choices.join("|") : (option.placeholder ?? option.name);
    if (!option.positional) parts.push(`[${option.name}:<${shown}>]`);
    else parts.push(option.required ? `<${shown}>` : `[${shown}]`);
  }
  return parts.join(" ");
}

/** Free text after `/balance` (Slack, the console): examples and usage as written in the definitions. */
export const TEXT_SYNTAX: CommandSyntax = {
  example: (command) => command.example,
  usage: (command) => usageOf(command),
  optionsHint: "With several shops, add shop:<name> (a word of the name or its code, e.g. shop:us).",
};

/**
 * A command's description in a language (area "commands", key "describe <name>"); the English
 * definition's own when the catalog has none yet (test/i18n/descriptions.test.ts requires one).
 */
export function describeIn(words: Pick<Translator, "t" | "locale">, command: AnyCommand): string {
  const key = `commands.describe ${command.name || "balance"}`;
  try {
    messageSource(words.locale, key);
  } catch {
    return command.description;
  }
  return words.t(key as MessageKey);
}
