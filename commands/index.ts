import type { AnyCommand } from "../src/core/define-command.ts";
import balance from "./balance.ts";
import help from "./help.ts";

/** Every /balance command. A static list: Discord JSON, the Slack manifest and help derive from it. */
export const commands: readonly AnyCommand[] = [balance, help];
