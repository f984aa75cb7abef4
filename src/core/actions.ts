import { DateTime } from "luxon";
import { ACTION_LABEL, fromView, parseView } from "../delivery/payload.ts";
import {
  ensureSyncTroubleRule,
  findWorkspaceId,
  muteRule,
  readAck,
  readActionToken,
  readAlertRule,
  readMessageTokens,
  readShopById,
  recordAck,
  recordRuleChange,
  snoozeRule,
} from "../storage/repos/actions.ts";
import { listLinkedShops } from "../storage/repos/workspaces.ts";
import type { ChannelAccess } from "./channel-access.ts";
import type { CommandSyntax } from "./define-command.ts";
import type { CoreDeps } from "./deps.ts";
import { errorReply } from "./error-replies.ts";
import type { Invocation, Platform } from "./invocation.ts";
import { type Reply, type ReplyAction, reply } from "./reply.ts";

/** How long "Snooze 24 h" snoozes. */
export const SNOOZE_MS = 24 * 60 * 60_000;
/** A token as minted (src/storage/repos/actions.ts): anything else was typed or tampered with. */
const TOKEN_SHAPE = /^ba_[A-Za-z0-9_-]{24}$/;

/** One click on a button, as every adapter hands it to the core. */
export interface Click {
  platform: Platform;
  /** The workspace the click came from (Slack team id, Discord guild id, "console"). */
  workspaceId: string;
  channelId: string;
  userId: string;
  /** How the person is named on the updated message (a platform mention such as <@U123>). */
  userLabel: string;
  /** Decided by the adapter, as for commands. */
  isAdmin: boolean;
  /** The button's value as the platform sent it back. */
  token: string;
  /** The platform's id of the clicked message, for the record of a rule change. */
  messageId?: string;
  syntax?: CommandSyntax;
  correlationId: string;
  channel: ChannelAccess;
}

/**
 * What the adapter does with a click:
 * - `private`: answer only the clicker (a refusal or what went wrong); nothing changed;
 * - `post`: answer visibly in the message's thread (Slack) or as a follow-up (Discord);
 * - `update`: draw the clicked message again in place (it was acknowledged).
 */
export type ClickResult =
  | { type: "private"; reply: Reply }
  | { type: "post"; reply: Reply }
  | { type: "update"; reply: Reply };

function privately(title: string, summary: string): ClickResult {
  return { type: "private", reply: reply({ kind: "error", title, summary, ephemeral: true }) };
}

/**
 * Carries out a click: looks the token up, re-checks who may do it, and does it once however many
 * times it is clicked or by however many replicas. Never throws.
 */
export async function handleClick(
  deps: CoreDeps,
  dispatch: (invocation: Invocation) => Promise<Reply>,
  click: Click,
): Promise<ClickResult> {
  try {
    return await carryOut(deps, dispatch, click);
  } catch (error) {
    deps.log.error({ err: error, correlationId: click.correlationId }, "button click failed");
    return { type: "private", reply: errorReply("internal", { correlationId: click.correlationId }) };
  }
}

async function carryOut(
  deps: CoreDeps,
  dispatch: (invocation: Invocation) => Promise<Reply>,
  click: Click,
): Promise<ClickResult> {
  const unknown = privately(
    "Unknown button",
    "balance-bot does not know this button (it may have been altered). Nothing was changed.",
  );
  if (!TOKEN_SHAPE.test(click.token)) return unknown;
  const action = await readActionToken(deps.db, click.token);
  if (!action) return unknown;
  const workspaceId = await findWorkspaceId(deps.db, click.platform, click.workspaceId);
  if (workspaceId !== action.workspaceId || action.platform !== click.platform) {
    return privately(
      "Not your workspace",
      "This button belongs to a message of another workspace; only its members can use it. Nothing was changed.",
    );
  }
  const who = { userId: click.userId, correlationId: click.correlationId };

  if (action.shopId !== null) {
    const linked = await listLinkedShops(deps.db, workspaceId);
    if (!linked.some((s) => s.id === action.shopId)) {
      return privately(
        "Shop no longer linked",
        "The shop this message is about is no longer linked to this workspace, so there is nothing to show or change. Nothing was changed.",
      );
    }
  }

  switch (action.kind) {
    case "breakdown":
    case "chart":
    case "payouts": {
      const shop = action.shopId !== null ? await readShopById(deps.db, action.shopId) : undefined;
      const words: string[] = [action.kind];
      if (action.kind !== "payouts" && action.period) words.push(action.period);
      if (shop) words.push(`shop:${shop.externalId}`);
      const answer = await dispatch({
        platform: click.platform,
        workspaceId: click.workspaceId,
        channelId: click.channelId,
        userId: click.userId,
        isAdmin: click.isAdmin,
        text: words.join(" "),
        ...(click.syntax ? { syntax: click.syntax } : {}),
        correlationId: click.correlationId,
        channel: click.channel,
      });
      return answer.kind === "error" || answer.ephemeral
        ? { type: "private", reply: answer }
        : { type: "post", reply: answer };
    }
    case "snooze":
    case "mute":
      return changeRule(deps, click, workspaceId, action.kind, action);
    case "ack":
      return acknowledge(deps, click, action, who);
    default:
      return unknown;
  }
}

async function changeRule(
  deps: CoreDeps,
  click: Click,
  workspaceId: number,
  kind: "snooze" | "mute",
  action: NonNullable<Awaited<ReturnType<typeof readActionToken>>>,
): Promise<ClickResult> {
  const { messageId } = action;
  const syncTrouble = action.messageKind === "sync_trouble";
  if (!click.isAdmin) {
    return privately(
      "Not allowed",
      `Only a workspace admin can ${kind === "snooze" ? "snooze" : "mute"} ${syncTrouble ? "sync-trouble alerts" : "an alert rule"}${click.syntax?.adminRule ? ` (${click.syntax.adminRule})` : ""}. Nothing was changed.`,
    );
  }
  // Sync trouble has no rule of its own until a click: the channel's sync_trouble rule for the shop.
  let ruleId = action.ruleId;
  if (ruleId === null && syncTrouble && action.shopId !== null) {
    const made = await ensureSyncTroubleRule(deps.db, {
      workspaceId,
      channel: action.channel,
      shopId: action.shopId,
      createdBy: click.userId,
    });
    ruleId = made?.id ?? null;
  }
  const rule = ruleId !== null ? await readAlertRule(deps.db, workspaceId, ruleId) : undefined;
  if (!rule || ruleId === null) {
    return privately(
      "Rule removed",
      `Alert rule #${ruleId ?? "?"} no longer exists (it was removed), so there is nothing to ${kind}. Nothing was changed.`,
    );
  }
  const now = deps.clock();
  const until = new Date(now.getTime() + SNOOZE_MS);
  const done = await deps.db.transaction(async (tx) => {
    const changed =
      kind === "snooze" ? await snoozeRule(tx, ruleId, until, now) : await muteRule(tx, ruleId, now);
    if (changed) {
      await recordRuleChange(tx, {
        ruleId,
        workspaceId,
        change: kind,
        until: kind === "snooze" ? until : null,
        userId: click.userId,
        via: "button",
        messageId: click.messageId ?? messageId,
        at: now,
      });
    }
    return changed;
  });
  if (!done) {
    const state = await readAlertRule(deps.db, workspaceId, ruleId);
    const already = state?.mutedAt
      ? `Alert rule #${ruleId} is already muted; /balance alerts unmute ${ruleId} turns it back on.`
      : `Alert rule #${ruleId} is already snoozed until ${state?.snoozedUntil?.toISOString().slice(0, 16).replace("T", " ")} UTC; /balance alerts unsnooze ${ruleId} ends it.`;
    return privately("Already done", `${already} Nothing was changed.`);
  }
  if (syncTrouble) {
    const shop = action.shopId !== null ? await readShopById(deps.db, action.shopId) : undefined;
    const what = `Sync-trouble alerts of ${shop?.name ?? "this shop"} in this channel (alert #${ruleId})`;
    return {
      type: "post",
      reply: reply({
        kind: "success",
        title: kind === "snooze" ? "Sync trouble snoozed" : "Sync trouble muted",
        summary:
          kind === "snooze"
            ? `${what} snoozed for 24 h by ${click.userLabel}, until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC. Undo: /balance alerts unsnooze ${ruleId}`
            : `${what} muted by ${click.userLabel}. Turn them back on: /balance alerts unmute ${ruleId}`,
      }),
    };
  }
  const text =
    kind === "snooze"
      ? `Alert rule #${ruleId} snoozed for 24 h by ${click.userLabel}, until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC. Undo: /balance alerts unsnooze ${ruleId}`
      : `Alert rule #${ruleId} muted by ${click.userLabel}. Turn it back on: /balance alerts unmute ${ruleId}`;
  return {
    type: "post",
    reply: reply({
      kind: "success",
      title: kind === "snooze" ? "Rule snoozed" : "Rule muted",
      summary: text,
    }),
  };
}

async function acknowledge(
  deps: CoreDeps,
  click: Click,
  action: NonNullable<Awaited<ReturnType<typeof readActionToken>>>,
  who: { userId: string },
): Promise<ClickResult> {
  const now = deps.clock();
  const first = await recordAck(deps.db, {
    outboxId: action.outboxId,
    userId: who.userId,
    userLabel: click.userLabel,
    at: now,
  });
  const ack = await readAck(deps.db, action.outboxId);
  const drawn = await redraw(deps, action, ack);
  if (!first || !drawn) {
    // The other click (or replica) won: the message already says who; this one changes nothing.
    return drawn
      ? { type: "update", reply: drawn }
      : privately("Already acknowledged", "Nothing was changed.");
  }
  return { type: "update", reply: drawn };
}

/** The clicked message again, with who acknowledged it and when, and without the Acknowledge button. */
async function redraw(
  deps: CoreDeps,
  action: NonNullable<Awaited<ReturnType<typeof readActionToken>>>,
  ack: Awaited<ReturnType<typeof readAck>>,
): Promise<Reply | undefined> {
  const parsed = parseView(action.payload);
  if (!parsed.ok) return undefined;
  const base = await fromView(parsed.view, deps.charts);
  const tokens = await readMessageTokens(deps.db, action.outboxId);
  const intents = parsed.view.intents ?? [];
  const actions: ReplyAction[] = [];
  tokens.forEach((t, i) => {
    const intent = intents[i];
    if (!intent || (ack && intent.kind === "ack")) return;
    actions.push(buttonOf(t.token, intent.kind));
  });
  if (!ack) return { ...base, ...(actions.length > 0 ? { actions } : {}) };
  const shop = action.shopId !== null ? await readShopById(deps.db, action.shopId) : undefined;
  const zone = shop?.timezone ?? "UTC";
  const at = DateTime.fromJSDate(ack.at, { zone }).toFormat("HH:mm");
  const line = `Acknowledged by ${ack.userLabel} at ${at} (${shop ? `${shop.name}'s zone, ${zone}` : "UTC"})`;
  return {
    ...base,
    summary: base.summary ? `${base.summary} — ${line}` : line,
    sections: [...base.sections, { notes: [line] }],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** A button as adapters draw it. */
export function buttonOf(token: string, kind: string): ReplyAction {
  return {
    id: token,
    label: (ACTION_LABEL as Record<string, string>)[kind] ?? kind,
    ...(kind === "ack" ? { style: "primary" as const } : kind === "mute" ? { style: "danger" as const } : {}),
  };
}
