import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../log.ts";

/**
 * Bolt's and the WebClient's logger interface on top of our pino logger, so Slack SDK lines go
 * through the same redaction as ours. Bolt's `setLevel` calls are ignored: LOG_LEVEL decides.
 */
export function toSlackLogger(log: Logger, name = "slack"): SlackLogger {
  const child = log.child({ component: name });
  const line = (args: unknown[]) =>
    args
      .map((a) =>
        a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : JSON.stringify(a),
      )
      .join(" ");
  return {
    debug: (...args: unknown[]) => child.debug(line(args)),
    info: (...args: unknown[]) => child.info(line(args)),
    warn: (...args: unknown[]) => child.warn(line(args)),
    error: (...args: unknown[]) => child.error(line(args)),
    setLevel: () => {},
    getLevel: () => {
      const level = child.level;
      if (level === "debug" || level === "trace") return LogLevel.DEBUG;
      if (level === "info") return LogLevel.INFO;
      if (level === "warn") return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}
