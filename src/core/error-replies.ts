import type { ErrorCode } from "./errors.ts";
import { type Reply, reply } from "./reply.ts";

/** What a reply to an error may show besides its code. */
export interface ErrorDetail {
  /** In the log line of the failure; shown on the replies that are not the user's doing. */
  correlationId: string;
  /** A user error's own message, shown as is. */
  message?: string;
  usage?: string | undefined;
  example?: string | undefined;
}

function userReply(title: string, d: ErrorDetail): Reply {
  const summary = [d.message, d.usage && `Usage: ${d.usage}`, d.example && `Example: ${d.example}`]
    .filter(Boolean)
    .join(" ");
  return reply({ kind: "error", title, summary, ephemeral: true });
}

function internal(d: ErrorDetail): Reply {
  return reply({
    kind: "error",
    title: "Something went wrong",
    summary: `That didn't work because of an internal error. It has been logged; quote ref ${d.correlationId} when reporting it.`,
    ephemeral: true,
    correlationId: d.correlationId,
  });
}

/** Every code's reply, in one place; a new code does not compile until it has one. */
const REPLIES: Record<ErrorCode, (d: ErrorDetail) => Reply> = {
  bad_input: (d) => userReply("Can't do that", d),
  not_found: (d) => userReply("Can't do that", d),
  forbidden: (d) => userReply("Not allowed", d),
  unavailable: (d) =>
    reply({
      kind: "error",
      title: "Try again in a minute",
      summary: `The database is not reachable right now; your command did nothing. Try again shortly (ref ${d.correlationId}).`,
      ephemeral: true,
      correlationId: d.correlationId,
    }),
  // Commands never call the shop API while a user waits: reaching here is our bug to report.
  upstream_failed: internal,
  internal,
};

/** The reply a user sees for an error of this code (ephemeral, never a stack trace). */
export function errorReply(code: ErrorCode, detail: ErrorDetail): Reply {
  return REPLIES[code](detail);
}
