import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  allMessageKeys,
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  type MessageKey,
  matchLocale,
  type Translator,
  translator,
} from "../i18n/index.ts";
import { observeCommand } from "../metrics.ts";
import { isDatabaseDown } from "../storage/database.ts";
import { readWorkspaceLanguage } from "../storage/repos/workspaces.ts";
import { type Click, type ClickResult, handleClick } from "./actions.ts";
import { ALWAYS_CAN_POST } from "./channel-access.ts";
import {
  type AnyCommand,
  type CommandContext,
  describeOptions,
  type OptionInfo,
  usageOf,
} from "./define-command.ts";
import type { CoreDeps } from "./deps.ts";
import { errorReply } from "./error-replies.ts";
import { errorCode, Forbidden, ProviderError, Unavailable, UserError } from "./errors.ts";
import type { Invocation } from "./invocation.ts";
import { stripCommandName, tokenize } from "./parse.ts";
import { isPeriodSpec, PERIOD_HELP } from "./periods.ts";
import { takePrivateFlag } from "./private.ts";
import { localizeClocks, type Reply } from "./reply.ts";
import { resolveScope, type WorkspaceScope } from "./workspace.ts";

/** The platform-neutral command core that every adapter calls. */
export interface Core {
  /** Never throws: user errors come back as `kind: "error"`, ephemeral. */
  dispatch(invocation: Invocation): Promise<Reply>;
  /** A click on a message's button (src/core/actions.ts). Never throws. */
  act(click: Click): Promise<ClickResult>;
  readonly commands: readonly AnyCommand[];
  /** The bot's clock (the sandbox's, when on the sandbox): for suggestions that depend on the date. */
  now(): Date;
  /** The names of the shops this workspace sees (Discord autocomplete): never another workspace's. */
  shopNames(
    who: Pick<Invocation, "platform" | "workspaceId" | "channelId" | "workspaceName">,
  ): Promise<string[]>;
}

export function createCore(deps: CoreDeps, commands: readonly AnyCommand[]): Core {
  const byName = new Map(commands.map((c) => [c.name, c]));
  const core: Core = {
    commands,
    act: (click) => handleClick(deps, (invocation) => core.dispatch(invocation), click),
    now: () => deps.clock(),
    async shopNames(who) {
      const scope = await resolveScope(deps, {
        ...who,
        userId: "",
        isAdmin: false,
        correlationId: "",
        // Listing names posts nothing: no channel check is asked.
        channel: ALWAYS_CAN_POST,
      });
      return scope.shops.map((s) => s.name);
    },
    async dispatch(asked) {
      const started = Date.now();
      let command: AnyCommand | undefined;
      let invocation = asked;
      let locale: Locale | undefined;
      try {
        // Until the workspace's choice is read, usage errors speak the asker's platform language.
        const words = translator(matchLocale(asked.locale) ?? DEFAULT_LOCALE);
        // `private` (a word, or Discord's option): the same answer, shown only to the asker.
        const taken = takePrivateFlag(asked);
        invocation = taken.invocation;
        const wantsPrivate = taken.private;
        const found = invocation.options
          ? fromTyped(byName, invocation.options, words)
          : fromText(byName, stripCommandName(tokenize(invocation.text ?? "")), words);
        command = found.command;
        const args = validate(command, found.values, words);
        if (command.admin && !invocation.isAdmin) {
          const rule = invocation.syntax?.adminRule;
          throw new Forbidden(
            rule
              ? words.t("core.adminOnlyRule", { command: command.name, rule })
              : words.t("core.adminOnly", { command: command.name }),
          );
        }
        const scope = await resolveScope(deps, invocation);
        locale = localeOf(scope, invocation);
        const { t, fmt } = translator(locale);
        const ctx: CommandContext = { ...deps, invocation, scope, now: deps.clock(), locale, t, fmt };
        const ran = withUnsyncedNote(ctx, localizeClocks(await command.run(ctx, args), locale));
        const result = wantsPrivate ? { ...ran, ephemeral: true } : ran;
        observeCommand(command.name || "balance", invocation.platform, Date.now() - started);
        deps.log.info(
          {
            correlationId: invocation.correlationId,
            platform: invocation.platform,
            command: command.name || "balance",
            ms: Date.now() - started,
          },
          "command answered",
        );
        return result;
      } catch (error) {
        if (command) observeCommand(command.name || "balance", invocation.platform, Date.now() - started);
        return answerFailure(
          deps,
          invocation,
          command,
          error,
          locale ?? (await failureLocale(deps, invocation)),
        );
      }
    },
  };
  return core;
}

/**
 * A report over shops whose first sync has not finished (a new install answers at once, from what
 * is synced so far) says so above everything: their zeros are not the shop's zeros.
 */
function withUnsyncedNote(ctx: CommandContext, answer: Reply): Reply {
  if (answer.kind !== "report") return answer;
  const names = ctx.scope.shops
    .filter((s) => {
      const sync = ctx.scope.syncs.get(s.id);
      return sync?.syncedByApi && !sync.lastSync;
    })
    .map((s) => s.name);
  if (names.length === 0) return answer;
  const note = ctx.t("core.notSyncedNote", { shops: ctx.fmt.list(names), count: names.length });
  return { ...answer, sections: [{ notes: [note] }, ...answer.sections] };
}

/** The workspace's chosen language, else the asker's platform locale, else English. */
export function localeOf(
  scope: Pick<WorkspaceScope, "language">,
  invocation: Pick<Invocation, "locale">,
): Locale {
  if (isLocale(scope.language)) return scope.language;
  return matchLocale(invocation.locale) ?? DEFAULT_LOCALE;
}

/** A command line (e.g. an example) as the command it names and its option values. */
export function parseCommandText(
  commands: readonly AnyCommand[],
  text: string,
): { command: AnyCommand; values: Record<string, unknown> } {
  return fromText(
    new Map(commands.map((c) => [c.name, c])),
    stripCommandName(tokenize(text)),
    translator("en"),
  );
}

interface Found {
  command: AnyCommand;
  values: Record<string, unknown>;
}

type Words = Pick<Translator, "t">;

function fromText(byName: Map<string, AnyCommand>, tokens: string[], { t }: Words): Found {
  // Longest command name first: "goal set" before "goal".
  for (let n = Math.min(tokens.length, 3); n >= 0; n--) {
    const name = tokens.slice(0, n).join(" ").toLowerCase();
    const command = byName.get(name);
    // A leftover word after the bare command is a mistyped command, not an argument.
    const rest = tokens[n];
    if (command && n === 0 && rest !== undefined && !rest.includes(":")) break;
    if (command) return { command, values: assign(command, tokens.slice(n), { t }) };
  }
  const help = byName.get("help");
  const word = tokens[0] ?? "";
  const group = [...byName.keys()].filter((k) => k.startsWith(`${word.toLowerCase()} `));
  if (group.length > 0) {
    throw new UserError(
      t("core.needsOneOf", { word, choices: group.map((g) => g.split(" ")[1]).join(", ") }),
      {
        usage: group.map((g) => usageOf(byName.get(g)!)).join(" | "),
        example: byName.get(group[0]!)!.example,
      },
    );
  }
  throw new UserError(t("core.unknownCommand", { word: truncate(word) }), {
    usage:
      "/balance [earnings|breakdown|payouts|statements|products|chart|goal|alerts|digest|shops|status|help] …",
    example: help ? "/balance help" : "/balance",
  });
}

/** Positional tokens fill options in order (an optional choice is skipped when it doesn't match); `name:value` fills by name. */
function assign(command: AnyCommand, tokens: string[], { t }: Words): Record<string, unknown> {
  const options = describeOptions(command);
  const values: Record<string, unknown> = {};
  const positional = options.filter((o) => o.positional);
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const named = /^([a-z][a-z_-]*):(.*)$/i.exec(token);
    const option = named ? options.find((o) => o.name === named[1]!.toLowerCase()) : undefined;
    if (named && option) {
      const taken = option.kind === "shop" ? absorbWords(options, tokens, i) : [];
      values[option.name] = coerce(option, [named[2] ?? "", ...taken].join(" "));
      i += taken.length;
      continue;
    }
    // "recover 100" reads like "recover:100" for options that are only named.
    const spelled = options.find((o) => !o.positional && o.name === token.toLowerCase());
    if (spelled && i + 1 < tokens.length) {
      values[spelled.name] = coerce(spelled, tokens[++i]!);
      continue;
    }
    let placed = false;
    while (cursor < positional.length) {
      const candidate = positional[cursor++]!;
      const fits = !candidate.choices || candidate.choices.includes(token.toLowerCase());
      if (fits || candidate.required) {
        const taken = candidate.kind === "shop" ? absorbWords(options, tokens, i) : [];
        values[candidate.name] = coerce(candidate, [token, ...taken].join(" "));
        i += taken.length;
        placed = true;
        break;
      }
    }
    if (!placed) {
      throw new UserError(t("core.unexpected", { token: truncate(token) }), {
        usage: usageOf(command),
        example: command.example,
      });
    }
  }
  return values;
}

/**
 * A shop name typed without quotes (shop:Sandbox Outdoor (US)) goes on over the next words, up to
 * one that reads as something else: name:value, a period, a number or a listed choice.
 */
function absorbWords(options: OptionInfo[], tokens: string[], at: number): string[] {
  const taken: string[] = [];
  for (let j = at + 1; j < tokens.length; j++) {
    const word = tokens[j]!;
    const lower = word.toLowerCase();
    if (/^[a-z][a-z_-]*:/i.test(word) || isPeriodSpec(lower) || /^[+-]?[\d.,#]+$/.test(word)) break;
    if (options.some((o) => o.choices?.includes(lower) || o.name === lower)) break;
    taken.push(word);
  }
  return taken;
}

function coerce(option: OptionInfo, token: string): unknown {
  if (option.choices) return token.toLowerCase();
  if (option.type === "integer" || option.type === "number") {
    return /^[+-]?\d+(\.\d+)?$/.test(token) ? Number(token) : token;
  }
  if (option.type === "boolean") return ["true", "yes", "on", "1"].includes(token.toLowerCase());
  return token;
}

function fromTyped(
  byName: Map<string, AnyCommand>,
  options: NonNullable<Invocation["options"]>,
  { t }: Words,
): Found {
  const name = options.path.join(" ");
  const command = byName.get(name);
  if (!command)
    throw new UserError(t("core.unknownCommand", { word: truncate(name) }), { example: "/balance help" });
  const values = Object.fromEntries(Object.entries(options.values).filter(([, v]) => v !== undefined));
  return { command, values };
}

const MESSAGE_KEYS = new Set<string>(allMessageKeys());

/**
 * What is wrong with an option, in the asker's language. An option's own message may be a
 * message key ("statement.badId"); a range or length says its bound; other English wording of
 * an option's definition is kept as it is.
 */
function problemOf(issue: z.core.$ZodIssue, words: Translator): string {
  const { t } = words;
  // Option definitions name catalog keys for their own problems (src/core/options.ts).
  if (MESSAGE_KEYS.has(issue.message)) return t(issue.message as MessageKey, { help: PERIOD_HELP });
  if (words.locale === "en") return issue.message;
  const bound = issue as { origin?: string; maximum?: unknown; minimum?: unknown; expected?: string };
  const chars = bound.origin === "string";
  if (issue.code === "too_big")
    return chars
      ? t("core.problemAtMostChars", { max: String(bound.maximum) })
      : t("core.problemAtMost", { max: String(bound.maximum) });
  if (issue.code === "too_small")
    return chars
      ? t("core.problemAtLeastChars", { min: String(bound.minimum) })
      : t("core.problemAtLeast", { min: String(bound.minimum) });
  if ((issue.code === "invalid_type" && bound.expected === "number") || issue.code === "not_multiple_of")
    return t("core.problemWholeNumber");
  return issue.message;
}

function validate(
  command: AnyCommand,
  values: Record<string, unknown>,
  words: Translator,
): z.output<AnyCommand["options"]> {
  const { t } = words;
  const parsed = command.options.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = issue.path.map(String).join(".");
  const value = option in values ? truncate(String(values[option])) : undefined;
  const choices = (issue as { values?: unknown[] }).values?.join(", ") ?? "…";
  const message =
    issue.code === "invalid_type" && value === undefined
      ? t("core.missing", { option })
      : issue.code === "invalid_value"
        ? value === undefined
          ? t("core.mustBeOneOf", { option, choices })
          : t("core.mustBeOneOfGiven", { option, value, choices })
        : value === undefined
          ? t("core.invalidOption", { option, problem: problemOf(issue, words) })
          : t("core.invalidOptionGiven", { option, value, problem: problemOf(issue, words) });
  throw new UserError(message, { usage: usageOf(command), example: command.example });
}

/** The language of a failure before the workspace was resolved: its choice if readable, else the asker's. */
async function failureLocale(deps: CoreDeps, invocation: Invocation): Promise<Locale> {
  const chosen = await readWorkspaceLanguage(deps.db, invocation.platform, invocation.workspaceId).catch(
    () => null,
  );
  return localeOf({ language: chosen }, invocation);
}

function answerFailure(
  deps: CoreDeps,
  invocation: Invocation,
  command: AnyCommand | undefined,
  error: unknown,
  locale: Locale,
): Reply {
  const correlationId = invocation.correlationId || randomUUID();
  const failure = isDatabaseDown(error) ? new Unavailable("database unreachable", { cause: error }) : error;
  const code = errorCode(failure);
  if (failure instanceof UserError) {
    return errorReply(
      code,
      {
        correlationId,
        message: sentence(
          failure.hint?.words
            ? translator(locale).t(failure.hint.words.key, failure.hint.words.values)
            : failure.message,
          locale,
        ),
        usage: failure.hint?.usage ?? (command ? usageOf(command) : undefined),
        example: failure.hint?.example ?? command?.example,
      },
      locale,
    );
  }
  if (code === "unavailable") deps.log.warn({ correlationId, err: error }, "database unreachable");
  else if (failure instanceof ProviderError)
    deps.log.warn({ correlationId, err: failure, upstream: failure.upstream }, "provider error in command");
  else deps.log.error({ correlationId, err: failure, command: command?.name }, "command failed");
  return errorReply(code, { correlationId }, locale);
}

/** A message as a sentence: capitalised, with a full stop (Thai ends a sentence with none). */
function sentence(text: string, locale: Locale): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  if (locale === "th" || /[.!?…]$/.test(capitalised)) return capitalised;
  return `${capitalised}.`;
}

function truncate(text: string): string {
  // Control characters would garble a terminal or a chat message: show them as "?".
  const clean = [...text].map((c) => ((c.codePointAt(0) ?? 0) < 32 || c === "\u007f" ? "?" : c)).join("");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
