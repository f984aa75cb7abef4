import { UserError } from "../../core/errors.ts";

/**
 * The export cannot be imported; nothing was written. `problems` lists every reason, bad rows
 * as "row 14: Total settlement amount "12,5O" is not a number" (spreadsheet row numbers).
 */
export class ImportError extends UserError {
  override readonly name = "ImportError";
  constructor(
    summary: string,
    readonly problems: readonly string[] = [],
  ) {
    super(summary);
  }
}
