import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { ALWAYS_CAN_POST } from "../../core/channel-access.ts";
import type { Core } from "../../core/dispatcher.ts";
import type { Invocation } from "../../core/invocation.ts";
import type { Reply } from "../../core/reply.ts";
import { DEFAULT_LOCALE, matchLocale } from "../../i18n/index.ts";
import { type ConsoleChoices, consoleChoices } from "./choices.ts";
import { localFiles } from "./files.ts";
import { renderConsole } from "./render.ts";

export const CONSOLE_WORKSPACE = "console";

/** The console invocation: one local workspace and channel, and everyone is admin. */
export function consoleInvocation(text: string, locale?: string): Invocation {
  return {
    platform: "console",
    workspaceId: CONSOLE_WORKSPACE,
    workspaceName: "Console",
    channelId: "console",
    userId: "console",
    isAdmin: true,
    text,
    attachments: localFiles,
    correlationId: randomUUID(),
    channel: ALWAYS_CAN_POST,
    ...(locale ? { locale } : {}),
  };
}

/** Writes each chart under DATA_DIR/charts (one file per shop) and renders the reply as terminal text. */
export function printable(reply: Reply, dataDir: string, locale?: string): string {
  const chartPaths: string[] = [];
  if (reply.charts && reply.charts.length > 0) {
    const dir = resolve(dataDir, "charts");
    mkdirSync(dir, { recursive: true });
    for (const chart of reply.charts) {
      const path = join(dir, chart.filename);
      writeFileSync(path, chart.png);
      chartPaths.push(path);
    }
  }
  return renderConsole(reply, { chartPaths, locale: matchLocale(locale) ?? DEFAULT_LOCALE });
}

/**
 * Reads commands from `input` one line at a time, answers each in order, and resolves at the end
 * of input (so `printf '/balance\n' | balance-bot start` works in scripts).
 */
export async function runConsole(
  core: Core,
  options: {
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    dataDir: string;
    prompt?: boolean;
    /** LC_ALL / LANG, e.g. "th_TH.UTF-8" (config.consoleLocale). */
    locale?: string | undefined;
    choices?: ConsoleChoices;
  },
): Promise<void> {
  const choices = options.choices ?? consoleChoices;
  const lines = createInterface({ input: options.input, terminal: false });
  if (options.prompt) options.output.write("balance-bot console — type /balance help, Ctrl-D to quit\n> ");
  for await (const raw of lines) {
    const text = raw.trim();
    const token = choices.take(text);
    if (token) {
      const result = await core.act({
        ...consoleInvocation("", options.locale),
        userLabel: "you (console)",
        token,
      });
      const offered =
        result.type === "private" ? "" : choices.offer(result.reply.actions, result.reply.locale);
      options.output.write(
        `${printable(result.reply, options.dataDir, options.locale)}${offered ? `\n\n${offered}` : ""}\n\n`,
      );
    } else if (text) {
      const answer = await core.dispatch(consoleInvocation(text, options.locale));
      options.output.write(`${printable(answer, options.dataDir, options.locale)}\n\n`);
    }
    if (options.prompt) options.output.write("> ");
  }
}
