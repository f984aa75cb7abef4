import { randomUUID } from "node:crypto";
import type { App, RespondArguments, SlashCommand, webApi } from "@slack/bolt";
import type { Core } from "../../core/dispatcher.ts";
import { errorReply } from "../../core/error-replies.ts";
import type { Reply } from "../../core/reply.ts";
import type { Logger } from "../../log.ts";
import { slackChannelAccess } from "./channel-access.ts";
import { chartComments } from "./chart-comments.ts";
import { slackFiles } from "./files.ts";
import { type SlackAdminCheck, toInvocation } from "./invocation.ts";
import { renderSlack } from "./render.ts";
import { slackErrorCode } from "./slack-errors.ts";

/**
 * How long a command may run before we ack empty and answer through response_url instead. Slack
 * drops a command not acked within 3000 ms; 2 s leaves room for the ack's own round trip.
 */
export const ACK_BUDGET_MS = 2000;

export interface BalanceCommandDeps {
  core: Core;
  admins: SlackAdminCheck;
  log: Logger;
  /** The bot user's name, for the `/invite @name` line. */
  botName: string;
  ackBudgetMs?: number;
  /**
   * Where a private answer's charts go instead (Slack has no ephemeral file): links the bot serves
   * under PUBLIC_URL, signed and expiring. Absent (no PUBLIC_URL): the answer says why there is no chart.
   */
  privateChartLinks?: PrivateChartLinks;
}

/** Publishes a PNG behind a signed link that expires after `ttlMs`. */
export interface PrivateChartLinks {
  publish(png: Uint8Array, ttlMs: number): Promise<string>;
}

/** How long a private chart's link works: long enough to open it now, short enough not to linger. */
export const PRIVATE_CHART_TTL_MS = 60 * 60_000;

/**
 * `/balance …`: build the Invocation, run the core, and answer within Slack's 3 s every time —
 * in the ack when the core is quick, else an empty ack now and the answer via response_url.
 * Whatever happens, the user sees an answer (an internal error shows a correlation id).
 */
export function registerBalanceCommand(app: App, deps: BalanceCommandDeps): void {
  const budget = deps.ackBudgetMs ?? ACK_BUDGET_MS;
  app.command("/balance", async ({ command, ack, respond, client }) => {
    const started = Date.now();
    const correlationId = randomUUID();
    const log = deps.log.child({ correlationId, teamId: command.team_id, channelId: command.channel_id });

    const answer = (async () => {
      const asker = await deps.admins.asker(client, command.team_id, command.user_id);
      const channel = slackChannelAccess(client, command.channel_id, deps.botName, log);
      return deps.core.dispatch(toInvocation(command, asker, correlationId, channel));
    })().catch((error: unknown) => {
      log.error({ err: error }, "slash command failed");
      return internalError(correlationId);
    });

    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      answer,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), budget);
      }),
    ]);
    clearTimeout(timer);

    let result: Reply;
    if (early) {
      result = await privateCharts(early, deps.privateChartLinks, log);
      try {
        await ack(toResponse(result));
      } catch (error) {
        log.warn({ err: error }, "ack with the answer failed; answering through response_url");
        await safeRespond(respond, toResponse(result), log);
      }
    } else {
      await ack();
      result = await privateCharts(await answer, deps.privateChartLinks, log);
      await safeRespond(respond, toResponse(result), log);
    }
    log.info(
      { ms: Date.now() - started, via: early ? "ack" : "response_url", kind: result.kind },
      "slash command answered",
    );

    if (result.charts && result.charts.length > 0 && !result.ephemeral)
      await postCharts(client, command, result, respond, log);
  });
}

/**
 * Slack has no ephemeral file: an upload is shared to a conversation or stays private to the
 * uploader, here the bot (docs.slack.dev/reference/methods/files.completeUploadExternal,
 * channel_id: "If not specified the file will be private"). A private answer keeps its figures
 * and says where the picture is, instead of posting a chart the whole channel would see.
 */
export const PRIVATE_CHART_NOTE =
  "Slack can't show a file to you alone, so the chart is not attached to this private answer. Ask again without `private` to post it in the channel.";

/**
 * A private answer's charts: behind links only the asker is shown (in this ephemeral answer),
 * valid for an hour, when the bot has a public URL; otherwise a note saying why there is none.
 */
async function privateCharts(
  reply: Reply,
  links: PrivateChartLinks | undefined,
  log: Logger,
): Promise<Reply> {
  if (!reply.ephemeral || !reply.charts || reply.charts.length === 0) return reply;
  const { charts, ...rest } = reply;
  if (links) {
    try {
      const lines = await Promise.all(
        charts.map(async (c) => `Chart, ${c.alt}: ${await links.publish(c.png, PRIVATE_CHART_TTL_MS)}`),
      );
      return {
        ...rest,
        sections: [
          ...rest.sections,
          { notes: [...lines, "These links are shown to you only and stop working in 1 hour."] },
        ],
      };
    } catch (error) {
      log.warn({ err: error }, "could not store a private chart; answering without it");
    }
  }
  return { ...rest, sections: [...rest.sections, { notes: [PRIVATE_CHART_NOTE] }] };
}

/** The ack / response_url payload: reports in the channel, errors and ephemeral replies to the typist only. */
export function toResponse(reply: Reply): RespondArguments {
  const { text, blocks } = renderSlack(reply);
  return {
    response_type: reply.ephemeral || reply.kind === "error" ? "ephemeral" : "in_channel",
    text,
    blocks,
  };
}

function internalError(correlationId: string): Reply {
  return errorReply("internal", { correlationId });
}

async function safeRespond(
  respond: (message: RespondArguments) => Promise<unknown>,
  message: RespondArguments,
  log: Logger,
): Promise<void> {
  try {
    await respond(message);
  } catch (error) {
    log.error({ err: error }, "response_url post failed; the user got no answer");
  }
}

/**
 * Charts go up as files in the channel (no public URL), one upload per shop in the reply's order,
 * each with its shop's title and figures as the comment, so every chart sits with its shop. A
 * failed upload is told to the typist (once), with the fix when the bot is not in the channel.
 */
async function postCharts(
  client: webApi.WebClient,
  command: SlashCommand,
  result: Reply,
  respond: (message: RespondArguments) => Promise<unknown>,
  log: Logger,
): Promise<void> {
  try {
    for (const { chart, comment } of chartComments(result)) {
      await client.files.uploadV2({
        channel_id: command.channel_id,
        file_uploads: slackFiles([chart]),
        initial_comment: comment,
      });
    }
  } catch (error) {
    const code = slackErrorCode(error);
    log.warn({ err: error, code }, "chart upload failed");
    const why =
      code === "not_in_channel" || code === "channel_not_found"
        ? "I'm not a member of this channel. Invite me with /invite @balance-bot and try again."
        : `Slack refused the upload${code ? ` (${code})` : ""}.`;
    await safeRespond(
      respond,
      { response_type: "ephemeral", text: `I couldn't post the chart here. ${why}` },
      log,
    );
  }
}
