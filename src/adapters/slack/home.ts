import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import { ALWAYS_CAN_POST } from "../../core/channel-access.ts";
import type { Core } from "../../core/dispatcher.ts";
import type { Reply } from "../../core/reply.ts";
import type { Logger } from "../../log.ts";
import type { SlackAdminCheck } from "./invocation.ts";
import { escapeMrkdwn, type SlackBlock, truncate } from "./render.ts";

/** At most one views.publish per user per minute (Slack rate-limits views.publish per user). */
export const HOME_PUBLISH_GAP_MS = 60_000;
const MAX_HOME_BLOCKS = 100;

/**
 * The Home tab, published when someone opens it: each linked shop's headline (the first lines of
 * `/balance`), the workspace's alert rules (`/balance alerts list`), and a button per channel to
 * open it. Published at most once a minute per user on this replica.
 */
export function registerSlackHome(
  app: App,
  deps: { core: Core; admins: SlackAdminCheck; log: Logger; now?: () => number },
): void {
  const lastPublished = new Map<string, number>();
  // "Open in channel" is a link button; Slack still sends its click, which only needs an ack.
  app.action(/^balance_bot_open:/, async ({ ack }) => {
    await ack();
  });
  const now = deps.now ?? Date.now;
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const key = `${teamId}:${event.user}`;
    const last = lastPublished.get(key);
    if (last !== undefined && now() - last < HOME_PUBLISH_GAP_MS) return;
    lastPublished.set(key, now());
    const ask = (text: string) =>
      deps.core.dispatch({
        platform: "slack",
        workspaceId: teamId,
        // The Home tab is the user's own space; no channel setting is changed from it.
        channelId: event.channel,
        userId: event.user,
        isAdmin: false,
        text,
        correlationId: randomUUID(),
        channel: ALWAYS_CAN_POST,
      });
    try {
      const [balance, alerts] = await Promise.all([ask(""), ask("alerts list")]);
      await client.views.publish({
        user_id: event.user,
        view: { type: "home", blocks: homeBlocks(balance, alerts, teamId) },
      });
    } catch (error) {
      lastPublished.delete(key);
      deps.log.warn({ err: error, teamId }, "Home tab not published");
    }
  });
}

function homeBlocks(balance: Reply, alerts: Reply, teamId: string): SlackBlock[] {
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: "balance-bot", emoji: true } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          (balance.headline ?? [balance.summary ?? balance.title])
            .map((l) => `*${escapeMrkdwn(l)}*`)
            .join("\n") || " ",
          3000,
        ),
      },
    },
  ];
  if (balance.footer)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(balance.footer) }] });
  blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: alerts.title } });
  const rows = alerts.sections[0]?.table?.rows ?? [];
  if (rows.length === 0)
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: escapeMrkdwn(alerts.sections[0]?.notes?.[0] ?? "No alerts yet.") },
    });
  for (const [id, tells, channel, state] of rows.slice(0, MAX_HOME_BLOCKS - 10)) {
    const open = channel && /^[CG][A-Z0-9]+$/.test(channel);
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(escapeMrkdwn(`${id} ${tells} · ${state}`), 3000) },
      ...(open
        ? {
            accessory: {
              type: "button",
              text: { type: "plain_text", text: "Open in channel" },
              url: `https://slack.com/app_redirect?channel=${channel}&team=${teamId}`,
              action_id: `balance_bot_open:${id}`,
            },
          }
        : {}),
    });
  }
  return blocks;
}
