import type { DeliveryPort } from "../../delivery/port.ts";
import { type ConsoleChoices, consoleChoices } from "./choices.ts";
import { renderConsole } from "./render.ts";

/** Delivers digests and alerts to the terminal (the console workspace's one channel), buttons as numbered choices. */
export function createConsoleDelivery(
  write: (text: string) => void,
  choices: ConsoleChoices = consoleChoices,
): DeliveryPort {
  let n = 0;
  return {
    platform: "console",
    async post(_channel, reply) {
      const offered = choices.offer(reply.actions, reply.locale);
      write(`\n${renderConsole(reply)}${offered ? `\n\n${offered}` : ""}\n\n`);
      n += 1;
      return { messageId: `console-${Date.now()}-${n}` };
    },
  };
}
