import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Reads a whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Web API arguments as Slack reads them: form-encoded (what @slack/web-api sends) or JSON;
 * non-scalar values (blocks, metadata, files) arrive as JSON strings in a form.
 */
export function parseApiArgs(contentType: string | undefined, raw: Buffer): Record<string, string> {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    const parsed = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
  }
  if (type === "multipart/form-data") {
    const out: Record<string, string> = {};
    for (const part of parseMultipart(contentType ?? "", raw)) {
      if (part.filename === undefined) out[part.name] = part.data.toString("utf8");
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** A small multipart/form-data parser: enough for the SDK's single `body` part. */
export function parseMultipart(contentType: string, raw: Buffer): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return [];
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const part = raw.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      parts.push({
        name,
        data: Buffer.from(part.subarray(headerEnd + 4)),
        ...(filename !== undefined ? { filename } : {}),
        ...(type !== undefined ? { contentType: type } : {}),
      });
    }
    start = next;
  }
  return parts;
}

/** What a signed request to the bot's HTTP endpoint got back. */
export interface SignedRequestResult {
  status: number;
  body: string;
  contentType: string | null;
  elapsedMs: number;
}

/**
 * POSTs a slash command to a Bolt HTTP endpoint exactly as Slack does: the form body with
 * `Content-Type: application/x-www-form-urlencoded` (nothing appended) and
 * `X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:<ts>:<body>")`. The same params and timestamp
 * give the same body and signature, which is how a test replays a request.
 */
export async function signedSlashCommandRequest(
  url: string,
  signingSecret: string,
  params: Record<string, string>,
  options: { timestamp?: number; signature?: string; timestampHeader?: string } = {},
): Promise<SignedRequestResult> {
  const body = new URLSearchParams(params).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? signSlackRequest(signingSecret, timestamp, body);
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": options.timestampHeader ?? String(timestamp),
      "x-slack-signature": signature,
    },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text,
    contentType: res.headers.get("content-type"),
    elapsedMs: performance.now() - started,
  };
}

export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/**
 * POSTs an interaction (a button click) to a Bolt HTTP endpoint as Slack does: the form body
 * `payload=<JSON>` (docs.slack.dev/interactivity/handling-user-interaction: "the body of that
 * request will contain a payload parameter"), signed like any request.
 */
export async function signedInteractionRequest(
  url: string,
  signingSecret: string,
  payload: unknown,
  options: { timestamp?: number; signature?: string } = {},
): Promise<SignedRequestResult> {
  return signedSlashCommandRequest(url, signingSecret, { payload: JSON.stringify(payload) }, options);
}
