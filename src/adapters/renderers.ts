import type { Platform } from "../core/invocation.ts";
import type { Reply } from "../core/reply.ts";
import { renderConsole } from "./console/render.ts";
import { renderDiscord } from "./discord/render.ts";
import { lineVisibleText, renderLine } from "./line/render.ts";
import { renderSlack } from "./slack/render.ts";
import { renderTelegram, telegramVisibleText } from "./telegram/render.ts";

/** One platform's pure renderer, and what a person reads of its output. */
export interface PlatformRenderer {
  /** The reply as the platform's wire message (Block Kit, embeds and files, terminal text). */
  render(reply: Reply): unknown;
  /**
   * Every text a person sees in that message, in order (markup left in): for the contract
   * tests every renderer passes, and for previews.
   */
  visibleText(reply: Reply): string;
}

/** Texts in a Block Kit or embed tree: every `text`, `title`, `description`, `name`, `value`. */
function textsOf(node: unknown, keys: readonly string[], out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) textsOf(item, keys, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string" && keys.includes(key)) out.push(value);
      else if (typeof value === "object") textsOf(value, keys, out);
    }
  }
  return out;
}

/**
 * Every platform's renderer. Exhaustive: a new Platform does not compile until it has one, and
 * then the shared renderer contract (test/unit/renderer-contract.test.ts) runs on it.
 */
export const RENDERERS: Record<Platform, PlatformRenderer> = {
  console: {
    render: (reply) => renderConsole(reply),
    visibleText: (reply) => renderConsole(reply),
  },
  slack: {
    render: renderSlack,
    visibleText: (reply) => textsOf(renderSlack(reply).blocks, ["text"]).join("\n"),
  },
  discord: {
    render: renderDiscord,
    visibleText: (reply) =>
      textsOf(renderDiscord(reply).embeds, ["title", "description", "name", "value", "text"]).join("\n"),
  },
  line: {
    // Chart links are signed per message at delivery; a preview names them by index.
    render: (reply) => renderLine(reply, (i) => `https://example.invalid/line/images/${i}.png`),
    visibleText: (reply) => lineVisibleText(renderLine(reply, (i) => `https://example.invalid/${i}.png`)),
  },
  telegram: {
    render: (reply) => renderTelegram(reply),
    visibleText: (reply) => telegramVisibleText(renderTelegram(reply)),
  },
};
