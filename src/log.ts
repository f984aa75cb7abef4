import pino, { type Logger } from "pino";
import { terminalDestination } from "./log-sinks.ts";

export type { Logger };

const REDACT = [
  "*.token",
  "*.accessToken",
  "*.refreshToken",
  "*.access_token",
  "*.refresh_token",
  "*.appSecret",
  "*.app_secret",
  "*.signingSecret",
  "*.botToken",
  "*.appToken",
  "*.authorization",
  "*.Authorization",
  "*.password",
  "*.encryptionKey",
  "headers.authorization",
  'headers["x-tts-access-token"]',
];

/**
 * pino JSON logs. Known secret fields are redacted by path; on top, every configured secret value
 * is scrubbed from every string, wherever it hides (an upstream error message, a URL).
 */
export function createLogger(options: {
  level: string;
  secrets?: string[];
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const scrub = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string")
      return secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), value);
    if (depth > 6 || value === null || typeof value !== "object") return value;
    if (value instanceof Error) {
      return {
        type: value.name,
        message: scrub(value.message, depth + 1),
        stack: scrub(value.stack, depth + 1),
        code: (value as { code?: unknown }).code,
      };
    }
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
  };
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            (secrets.length ? args.map((a) => scrub(a)) : args) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}

/**
 * The process logger. A terminal is a conversation: there, every line goes to
 * DATA_DIR/logs/balance-bot.log and only warnings and errors reach stderr, one short human line
 * each. Without a terminal (containers, CI, pipes), pino JSON on stderr.
 */
export function createProcessLogger(options: {
  level: pino.LevelWithSilent;
  secrets: string[];
  destination: "auto" | "stderr" | "file";
  dataDir: string;
  stdoutIsTerminal: boolean;
}): Logger {
  const toFile =
    options.destination === "file" || (options.destination === "auto" && options.stdoutIsTerminal);
  return createLogger({
    level: options.level,
    secrets: options.secrets,
    ...(toFile
      ? {
          destination: terminalDestination(options.level, options.dataDir, (line) =>
            process.stderr.write(line),
          ),
        }
      : {}),
  });
}

export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
