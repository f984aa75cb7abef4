import type { DeliveryPort } from "../../delivery/port.ts";
import { renderConsole } from "./render.ts";

/** Delivers digests and alerts to the terminal (the console workspace's one channel). */
export function createConsoleDelivery(write: (text: string) => void): DeliveryPort {
  let n = 0;
  return {
    platform: "console",
    async post(_channel, reply) {
      write(`\n${renderConsole(reply)}\n\n`);
      n += 1;
      return { messageId: `console-${Date.now()}-${n}` };
    },
  };
}
