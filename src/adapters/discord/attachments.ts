import type { Attachment as DiscordAttachment } from "discord.js";
import { UserError } from "../../core/errors.ts";
import type { Attachments } from "../../core/importer.ts";

/** How long a download from Discord's CDN may take. */
const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * The files of a command's attachment options: each downloaded from Discord's CDN when the
 * command opens it, after checking the size Discord states, so an oversized file is never fetched.
 */
export function discordAttachments(files: readonly DiscordAttachment[]): Attachments {
  return {
    async open(value, maxBytes) {
      const file = files.find((f) => f.name === value) ?? files[0];
      if (!file) throw new UserError("attach the export file to the command's file option");
      const tooLarge = (size: number) =>
        new UserError(
          `${file.name} is ${Math.round(size / 1e6)} MB; an export is at most ${maxBytes / 1e6} MB`,
        );
      if (file.size > maxBytes) throw tooLarge(file.size);
      const response = await fetch(file.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(
        () => undefined,
      );
      if (!response?.ok)
        throw new UserError(
          `could not download ${file.name}${response ? ` (HTTP ${response.status})` : ""}; attach it again`,
        );
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > maxBytes) throw tooLarge(bytes.length);
      return { name: safeName(file.name), bytes };
    },
  };
}

/** The name as shown back to the user and used for the default shop name: no path, no odd characters. */
function safeName(name: string): string {
  return name.replace(/^.*[\\/]/, "").replace(/[^\w.\- ()]/g, "_") || "export.csv";
}
