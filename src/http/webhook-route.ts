import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppCredentials } from "../connect/client.ts";
import { handleTikTokEvent, type WebhookDeps } from "../connect/webhook.ts";
import { verifyWebhook } from "../providers/tiktok/sign.ts";
import { BodyTooLarge, readBody, sendEmpty } from "./io.ts";

/** TikTok's payloads are small; anything bigger is not TikTok. */
const BODY_LIMIT = 256 * 1024;

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
  let raw: Buffer;
  try {
    raw = await readBody(req, BODY_LIMIT);
  } catch (error) {
    sendEmpty(res, error instanceof BodyTooLarge ? 413 : 400);
    return undefined;
  }
  const header = req.headers.authorization;
  if (!credentials || !verifyWebhook(credentials.appKey, credentials.appSecret, raw, header)) {
    deps.log.warn({ bytes: raw.length }, "tiktok webhook with a bad signature refused");
    sendEmpty(res, 401);
    return undefined;
  }
  sendEmpty(res, 200);
  return handleTikTokEvent(deps, raw.toString("utf8")).then(
    (result) => {
      if (result === "malformed") deps.log.warn("signed tiktok webhook with an unreadable body ignored");
    },
    (error) => deps.log.error({ err: error }, "tiktok webhook could not be handled"),
  );
}
