import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import { BodyTooLarge, readBody, sendEmpty } from "../../http/io.ts";
import { SIGNED_BODY_LIMIT, UNSIGNED_BODY_LIMIT } from "../../http/limits.ts";
import type { Logger } from "../../log.ts";
import { readSlackStamp, refuseBeforeBody } from "./replay-guard.ts";

/**
 * Puts a check in front of Bolt's events endpoint that needs only the headers: a request dated
 * more than 5 minutes from now is refused before any of its body is read, and the body is read
 * here with a limit that depends on whether it claims a signature (a few KB for Slack's
 * unsigned `ssl_check`, 128 KB otherwise) instead of Bolt's 4 MB for anyone. Bolt then uses the
 * buffered body as is and verifies the signature as usual.
 */
export function guardEventsEndpoint(
  receiver: HTTPReceiver,
  options: { path: string; log: Logger; now?: () => number },
): void {
  const next = receiver.requestListener;
  const now = options.now ?? Date.now;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "POST" || pathname !== options.path) return next(req, res);
    const stamp = readSlackStamp(req.headers);
    const refusal = refuseBeforeBody(stamp, now());
    if (refusal) {
      options.log.warn({ reason: refusal }, "refused a Slack request before reading it");
      res.setHeader("connection", "close");
      return sendEmpty(res, 401);
    }
    readBody(req, stamp ? SIGNED_BODY_LIMIT : UNSIGNED_BODY_LIMIT).then(
      (body) => {
        // Bolt skips its own buffering for a request that carries `rawBody` already.
        Object.assign(req, { rawBody: body });
        next(req, res);
      },
      (error: unknown) => {
        res.setHeader("connection", "close");
        sendEmpty(res, error instanceof BodyTooLarge ? 413 : 400);
      },
    );
  };
}
