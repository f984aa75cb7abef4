import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction, RespondArguments, webApi } from "@slack/bolt";
import type { ClickResult } from "../../core/actions.ts";
import type { Core } from "../../core/dispatcher.ts";
import { errorReply } from "../../core/error-replies.ts";
import type { Logger } from "../../log.ts";
import { slackChannelAccess } from "./channel-access.ts";
import { chartComments } from "./chart-comments.ts";
import { slackFiles } from "./files.ts";
import type { SlackAdminCheck } from "./invocation.ts";
import { ACTION_ID_PREFIX, renderSlack } from "./render.ts";

export interface SlackActionDeps {
  core: Core;
  admins: SlackAdminCheck;
  log: Logger;
  botName: string;
}

const ACTION_ID = new RegExp(`^${ACTION_ID_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/**
 * Clicks on balance-bot's buttons (block_actions, Socket Mode or HTTP: Bolt routes both). The ack
 * goes first, empty, well inside Slack's 3 s; then the core decides and the answer goes where it
 * belongs: the view buttons' answer in the message's thread (visible to the channel), an
 * acknowledgement as the message itself redrawn (response_url, replace_original), anything refused
 * or gone privately to the clicker (response_url, ephemeral).
 */
export function registerSlackActions(app: App, deps: SlackActionDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_ID },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const correlationId = randomUUID();
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const channelId = body.channel?.id ?? body.container?.channel_id ?? "";
      const messageTs: string | undefined = body.message?.ts ?? body.container?.message_ts;
      const log = deps.log.child({ correlationId, teamId, channelId, click: true });
      try {
        const isAdmin = await deps.admins.isAdmin(client, teamId, body.user.id);
        const result = await deps.core.act({
          platform: "slack",
          workspaceId: teamId,
          channelId,
          userId: body.user.id,
          userLabel: `@${body.user.username ?? body.user.name ?? body.user.id}`,
          isAdmin,
          token: action.value ?? "",
          ...(messageTs ? { messageId: messageTs } : {}),
          correlationId,
          channel: slackChannelAccess(client, channelId, deps.botName, log),
        });
        await answer(result, { client, respond, channelId, messageTs, log });
        log.info({ result: result.type }, "button click answered");
      } catch (error) {
        log.error({ err: error }, "button click failed");
        const { text, blocks } = renderSlack(errorReply("internal", { correlationId }));
        await respond({ response_type: "ephemeral", replace_original: false, text, blocks }).catch(() => {});
      }
    },
  );
}

async function answer(
  result: ClickResult,
  to: {
    client: webApi.WebClient;
    respond: (message: RespondArguments) => Promise<unknown>;
    channelId: string;
    messageTs: string | undefined;
    log: Logger;
  },
): Promise<void> {
  const { text, blocks } = renderSlack(result.reply);
  if (result.type === "private") {
    await to.respond({ response_type: "ephemeral", replace_original: false, text, blocks });
    return;
  }
  if (result.type === "update") {
    await to.respond({ replace_original: true, text, blocks });
    return;
  }
  // A view answered in the message's thread, charts uploaded there, each with its shop's figures.
  await to.client.chat.postMessage({
    channel: to.channelId,
    ...(to.messageTs ? { thread_ts: to.messageTs } : {}),
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  for (const { chart, comment } of chartComments(result.reply)) {
    await to.client.files.uploadV2({
      channel_id: to.channelId,
      ...(to.messageTs ? { thread_ts: to.messageTs } : {}),
      file_uploads: slackFiles([chart]),
      initial_comment: comment,
    });
  }
}
