import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppCredentials } from "../connect/client.ts";
import { DEAUTHORIZED, EXPIRING, handleTikTokEvent, type WebhookDeps } from "../connect/webhook.ts";
import { verifyWebhook } from "../providers/tiktok/sign.ts";
import { BodyTooLarge, readBody, sendEmpty } from "./io.ts";
import { SIGNED_BODY_LIMIT } from "./limits.ts";

/** TikTok's signature: hex HMAC-SHA256 in `Authorization`, no scheme (reference §5.2). */
const SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * POST /webhooks/tiktok: verify the `Authorization` header against the raw body (constant time),
 * answer 200 at once (TikTok wants an answer within 3 s), then handle the event. Returns the
 * handling, for the caller to track; undefined when nothing is to be done.
 */
export async function handleWebhook(
  deps: WebhookDeps,
  credentials: AppCredentials | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Promise<unknown> | undefined> {
  const header = req.headers.authorization;
  // Unsigned requests are refused before their body is read, so they cannot make us buffer any.
  if (!credentials || typeof header !== "string" || !SIGNATURE.test(header)) {
    deps.log.warn("tiktok webhook without a signature refused");
    res.setHeader("connection", "close");
    sendEmpty(res, 401);
    return undefined;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, SIGNED_BODY_LIMIT);
  } catch (error) {
    sendEmpty(res, error instanceof BodyTooLarge ? 413 : 400);
    return undefined;
  }
  if (!verifyWebhook(credentials.appKey, credentials.appSecret, raw, header)) {
    deps.log.warn({ bytes: raw.length }, "tiktok webhook with a bad signature refused");
    sendEmpty(res, 401);
    return undefined;
  }
  sendEmpty(res, 200);
  return handleTikTokEvent(deps, raw.toString("utf8")).then(
    ({ result, type }) => {
      if (result === "malformed") deps.log.warn("signed tiktok webhook with an unreadable body ignored");
      else if (result === "ignored" && type !== DEAUTHORIZED && type !== EXPIRING)
        deps.log.info(
          { type },
          `tiktok webhook type ${type} ignored: balance-bot acts on types 6 and 7 only`,
        );
    },
    (error) => deps.log.error({ err: error }, "tiktok webhook could not be handled"),
  );
}
