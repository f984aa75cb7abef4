import type { FakeFile } from "./discord-payloads.ts";

/** Marks a handler path that has answered the request. */
export type Sent = { readonly sent: true };
export const SENT: Sent = { sent: true };
export type Reply = (status: number, body?: unknown, headers?: Record<string, string>) => Sent;

/** JSON, or multipart with payload_json and files[n] parts (reference §12). */
export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ json: unknown; files: FakeFile[] }> {
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const files: FakeFile[] = [];
    let json: unknown;
    for (const [field, value] of form.entries()) {
      if (field === "payload_json" && typeof value === "string") json = JSON.parse(value);
      else if (typeof value !== "string") {
        files.push({
          field,
          name: value.name,
          contentType: value.type,
          data: new Uint8Array(await value.arrayBuffer()),
        });
      }
    }
    return { json, files };
  }
  return { json: JSON.parse(raw.toString("utf8")), files: [] };
}
