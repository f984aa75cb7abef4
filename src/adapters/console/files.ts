import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { UserError } from "../../core/errors.ts";
import type { Attachments } from "../../core/importer.ts";

/** In the console a file option is a local path: the console reads it (the user is on this machine). */
export const localFiles: Attachments = {
  async open(value, maxBytes) {
    const path = resolve(value);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(`${value}: ${error.code === "ENOENT" ? "no such file" : "cannot be read"}`);
    });
    if (!info.isFile()) throw new UserError(`${value} is not a file`);
    // The size is checked before reading, so an oversized file is never loaded.
    if (info.size > maxBytes)
      throw new UserError(
        `${basename(path)} is ${Math.round(info.size / 1e6)} MB; an export is at most ${maxBytes / 1e6} MB`,
      );
    return { name: basename(path), bytes: await readFile(path) };
  },
};
