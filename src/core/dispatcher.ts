import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { observeCommand } from "../metrics.ts";
import { isDatabaseDown } from "../storage/database.ts";
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
import { isPeriodSpec } from "./periods.ts";
import { takePrivateFlag } from "./private.ts";
import type { Reply } from "./reply.ts";
import { resolveScope } from "./workspace.ts";

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
      try {
        // `private` (a word, or Discord's option): the same answer, shown only to the asker.
        const taken = takePrivateFlag(asked);
        invocation = taken.invocation;
        const wantsPrivate = taken.private;
        const found = invocation.options
          ? fromTyped(byName, invocation.options)
          : fromText(byName, stripCommandName(tokenize(invocation.text ?? "")));
        command = found.command;
        const args = validate(command, found.values);
        if (command.admin && !invocation.isAdmin) {
          throw new Forbidden(
            `only a workspace admin can use /balance ${command.name}${invocation.syntax?.adminRule ? ` (${invocation.syntax.adminRule})` : ""}; nothing was changed`,
          );
        }
        const scope = await resolveScope(deps, invocation);
        const ctx: CommandContext = { ...deps, invocation, scope, now: deps.clock() };
        const ran = await command.run(ctx, args);
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
        return answerFailure(deps, invocation, command, error);
      }
    },
  };
  return core;
}

/** A command line (e.g. an example) as the command it names and its option values. */
export function parseCommandText(
  commands: readonly AnyCommand[],
  text: string,
): { command: AnyCommand; values: Record<string, unknown> } {
  return fromText(new Map(commands.map((c) => [c.name, c])), stripCommandName(tokenize(text)));
}

interface Found {
  command: AnyCommand;
  values: Record<string, unknown>;
}

function fromText(byName: Map<string, AnyCommand>, tokens: string[]): Found {
  // Longest command name first: "goal set" before "goal".
  for (let n = Math.min(tokens.length, 3); n >= 0; n--) {
    const name = tokens.slice(0, n).join(" ").toLowerCase();
    const command = byName.get(name);
    // A leftover word after the bare command is a mistyped command, not an argument.
    const rest = tokens[n];
    if (command && n === 0 && rest !== undefined && !rest.includes(":")) break;
    if (command) return { command, values: assign(command, tokens.slice(n)) };
  }
  const help = byName.get("help");
  const word = tokens[0] ?? "";
  const group = [...byName.keys()].filter((k) => k.startsWith(`${word.toLowerCase()} `));
  if (group.length > 0) {
    throw new UserError(`"/balance ${word}" needs one of: ${group.map((g) => g.split(" ")[1]).join(", ")}`, {
      usage: group.map((g) => usageOf(byName.get(g)!)).join(" | "),
      example: byName.get(group[0]!)!.example,
    });
  }
  throw new UserError(`unknown command "${truncate(word)}"`, {
    usage:
      "/balance [earnings|breakdown|payouts|statements|products|chart|goal|alerts|digest|shops|status|help] …",
    example: help ? "/balance help" : "/balance",
  });
}

/** Positional tokens fill options in order (an optional choice is skipped when it doesn't match); `name:value` fills by name. */
function assign(command: AnyCommand, tokens: string[]): Record<string, unknown> {
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
      throw new UserError(`unexpected "${truncate(token)}"`, {
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

function fromTyped(byName: Map<string, AnyCommand>, options: NonNullable<Invocation["options"]>): Found {
  const name = options.path.join(" ");
  const command = byName.get(name);
  if (!command) throw new UserError(`unknown command "${truncate(name)}"`, { example: "/balance help" });
  const values = Object.fromEntries(Object.entries(options.values).filter(([, v]) => v !== undefined));
  return { command, values };
}

function validate(command: AnyCommand, values: Record<string, unknown>): z.output<AnyCommand["options"]> {
  const parsed = command.options.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path.map(String).join(".");
  const given = key in values ? ` "${truncate(String(values[key]))}"` : "";
  const message =
    issue.code === "invalid_type" && !(key in values)
      ? `${key} is missing`
      : issue.code === "invalid_value"
        ? `${key}${given} must be one of ${(issue as { values?: unknown[] }).values?.join(", ") ?? "the listed values"}`
        : `${key}${given} ${issue.message}`;
  throw new UserError(message, { usage: usageOf(command), example: command.example });
}

function answerFailure(
  deps: CoreDeps,
  invocation: Invocation,
  command: AnyCommand | undefined,
  error: unknown,
): Reply {
  const correlationId = invocation.correlationId || randomUUID();
  const failure = isDatabaseDown(error) ? new Unavailable("database unreachable", { cause: error }) : error;
  const code = errorCode(failure);
  if (failure instanceof UserError) {
    return errorReply(code, {
      correlationId,
      message: `${capitalise(failure.message)}.`,
      usage: failure.hint?.usage ?? (command ? usageOf(command) : undefined),
      example: failure.hint?.example ?? command?.example,
    });
  }
  if (code === "unavailable") deps.log.warn({ correlationId, err: error }, "database unreachable");
  else if (failure instanceof ProviderError)
    deps.log.warn({ correlationId, err: failure, upstream: failure.upstream }, "provider error in command");
  else deps.log.error({ correlationId, err: failure, command: command?.name }, "command failed");
  return errorReply(code, { correlationId });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string): string {
  // Control characters would garble a terminal or a chat message: show them as "?".
  const clean = [...text].map((c) => ((c.codePointAt(0) ?? 0) < 32 || c === "\u007f" ? "?" : c)).join("");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
