import { type Locale, translator } from "../i18n/index.ts";
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

type Words = ReturnType<typeof translator>;

function userReply(title: string, d: ErrorDetail, { t }: Words): Reply {
  const summary = [
    d.message,
    d.usage && t("core.usage", { usage: d.usage }),
    d.example && t("core.example", { example: d.example }),
  ]
    .filter(Boolean)
    .join(" ");
  return reply({ kind: "error", title, summary, ephemeral: true });
}

function internal(d: ErrorDetail, { t }: Words): Reply {
  return reply({
    kind: "error",
    title: t("core.errorInternalTitle"),
    summary: t("core.errorInternal", { ref: d.correlationId }),
    ephemeral: true,
    correlationId: d.correlationId,
  });
}

/** Every code's reply, in one place; a new code does not compile until it has one. */
const REPLIES: Record<ErrorCode, (d: ErrorDetail, words: Words) => Reply> = {
  bad_input: (d, w) => userReply(w.t("core.errorCantDo"), d, w),
  not_found: (d, w) => userReply(w.t("core.errorCantDo"), d, w),
  forbidden: (d, w) => userReply(w.t("core.errorNotAllowed"), d, w),
  unavailable: (d, { t }) =>
    reply({
      kind: "error",
      title: t("core.errorUnavailableTitle"),
      summary: t("core.errorUnavailable", { ref: d.correlationId }),
      ephemeral: true,
      correlationId: d.correlationId,
    }),
  // Commands never call the shop API while a user waits: reaching here is our bug to report.
  upstream_failed: internal,
  internal,
};

/** The reply a user sees for an error of this code (ephemeral, never a stack trace), in its language. */
export function errorReply(code: ErrorCode, detail: ErrorDetail, locale: Locale = "en"): Reply {
  return REPLIES[code](detail, translator(locale));
}
