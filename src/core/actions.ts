import { DateTime } from "luxon";
import { alertLocale } from "../alerts/locale.ts";
import { type ActionKind, fromView, parseView } from "../delivery/payload.ts";
import { type Locale, type MessageKey, type Translator, translator } from "../i18n/index.ts";
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
import { listLinkedShops, readWorkspaceLanguage } from "../storage/repos/workspaces.ts";
import type { ChannelAccess } from "./channel-access.ts";
import type { CommandSyntax } from "./define-command.ts";
import type { CoreDeps } from "./deps.ts";
import { errorReply } from "./error-replies.ts";
import type { Invocation, Platform } from "./invocation.ts";
import { localizeClocks, type Reply, type ReplyAction, reply } from "./reply.ts";

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

/** The words a click is answered in: its workspace's language, else English. */
async function wordsOf(deps: CoreDeps, click: Click): Promise<Translator> {
  const chosen = await readWorkspaceLanguage(deps.db, click.platform, click.workspaceId).catch(() => null);
  return translator(alertLocale(chosen));
}

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
  const words = await wordsOf(deps, click);
  try {
    const result = await carryOut(deps, dispatch, click, words);
    return { ...result, reply: localizeClocks(result.reply, words.locale) };
  } catch (error) {
    deps.log.error({ err: error, correlationId: click.correlationId }, "button click failed");
    const failed = errorReply("internal", { correlationId: click.correlationId }, words.locale);
    return { type: "private", reply: localizeClocks(failed, words.locale) };
  }
}

async function carryOut(
  deps: CoreDeps,
  dispatch: (invocation: Invocation) => Promise<Reply>,
  click: Click,
  words: Translator,
): Promise<ClickResult> {
  const { t } = words;
  const unknown = privately(t("actions.unknownTitle"), t("actions.unknown"));
  if (!TOKEN_SHAPE.test(click.token)) return unknown;
  const action = await readActionToken(deps.db, click.token);
  if (!action) return unknown;
  const workspaceId = await findWorkspaceId(deps.db, click.platform, click.workspaceId);
  if (workspaceId !== action.workspaceId || action.platform !== click.platform) {
    return privately(t("actions.notYoursTitle"), t("actions.notYours"));
  }
  const who = { userId: click.userId, correlationId: click.correlationId };

  if (action.shopId !== null) {
    const linked = await listLinkedShops(deps.db, workspaceId);
    if (!linked.some((s) => s.id === action.shopId)) {
      return privately(t("actions.shopGoneTitle"), t("actions.shopGone"));
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
      return changeRule(deps, click, workspaceId, action.kind, action, words);
    case "ack":
      return acknowledge(deps, click, action, who, words);
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
  words: Translator,
): Promise<ClickResult> {
  const { t } = words;
  const { messageId } = action;
  const syncTrouble = action.messageKind === "sync_trouble";
  if (!click.isAdmin) {
    const what = { action: kind, syncTrouble: syncTrouble ? "yes" : "no" };
    const rule = click.syntax?.adminRule;
    return privately(
      t("actions.notAllowedTitle"),
      rule ? t("actions.notAllowedRule", { ...what, rule }) : t("actions.notAllowed", what),
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
      t("actions.ruleGoneTitle"),
      t("actions.ruleGone", { id: String(ruleId ?? "?"), action: kind }),
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
    const id = String(ruleId);
    return privately(
      t("actions.alreadyTitle"),
      state?.mutedAt || !state?.snoozedUntil
        ? t("actions.alreadyMuted", { id })
        : t("actions.alreadySnoozed", { id, until: utcMinute(state.snoozedUntil, words) }),
    );
  }
  const id = String(ruleId);
  const user = click.userLabel;
  if (syncTrouble) {
    const shop = action.shopId !== null ? await readShopById(deps.db, action.shopId) : undefined;
    const name = shop?.name ?? t("actions.thisShop");
    return {
      type: "post",
      reply: reply({
        kind: "success",
        title: t(kind === "snooze" ? "actions.syncSnoozedTitle" : "actions.syncMutedTitle"),
        summary:
          kind === "snooze"
            ? t("actions.syncSnoozed", { shop: name, id, user, until: utcMinute(until, words) })
            : t("actions.syncMuted", { shop: name, id, user }),
      }),
    };
  }
  return {
    type: "post",
    reply: reply({
      kind: "success",
      title: t(kind === "snooze" ? "actions.ruleSnoozedTitle" : "actions.ruleMutedTitle"),
      summary:
        kind === "snooze"
          ? t("actions.ruleSnoozed", { id, user, until: utcMinute(until, words) })
          : t("actions.ruleMuted", { id, user }),
    }),
  };
}

/** A moment to the minute in UTC: "2026-11-28 17:30" in English, the language's date and time otherwise. */
function utcMinute(at: Date, { locale, fmt }: Translator): string {
  if (locale === "en") return at.toISOString().slice(0, 16).replace("T", " ");
  return `${fmt.date(at, "UTC", "dayYear")} ${fmt.time(at, "UTC")}`;
}

async function acknowledge(
  deps: CoreDeps,
  click: Click,
  action: NonNullable<Awaited<ReturnType<typeof readActionToken>>>,
  who: { userId: string },
  words: Translator,
): Promise<ClickResult> {
  const now = deps.clock();
  const first = await recordAck(deps.db, {
    outboxId: action.outboxId,
    userId: who.userId,
    userLabel: click.userLabel,
    at: now,
  });
  const ack = await readAck(deps.db, action.outboxId);
  const drawn = await redraw(deps, action, ack, words);
  if (!first || !drawn) {
    // The other click (or replica) won: the message already says who; this one changes nothing.
    return drawn
      ? { type: "update", reply: drawn }
      : privately(words.t("actions.alreadyAckedTitle"), words.t("actions.nothingChanged"));
  }
  return { type: "update", reply: drawn };
}

/** The clicked message again, with who acknowledged it and when, and without the Acknowledge button. */
async function redraw(
  deps: CoreDeps,
  action: NonNullable<Awaited<ReturnType<typeof readActionToken>>>,
  ack: Awaited<ReturnType<typeof readAck>>,
  words: Translator,
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
    actions.push(buttonOf(t.token, intent.kind, words.locale));
  });
  if (!ack) return { ...base, ...(actions.length > 0 ? { actions } : {}) };
  const shop = action.shopId !== null ? await readShopById(deps.db, action.shopId) : undefined;
  const zone = shop?.timezone ?? "UTC";
  const time =
    words.locale === "en"
      ? DateTime.fromJSDate(ack.at, { zone }).toFormat("HH:mm")
      : words.fmt.time(ack.at, zone);
  const line = shop
    ? words.t("actions.acknowledgedShop", { user: ack.userLabel, time, shop: shop.name, zone })
    : words.t("actions.acknowledgedUtc", { user: ack.userLabel, time });
  return {
    ...base,
    summary: base.summary ? `${base.summary} — ${line}` : line,
    sections: [...base.sections, { notes: [line] }],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

const LABEL_KEYS: Record<ActionKind, MessageKey> = {
  breakdown: "actions.breakdown",
  chart: "actions.chart",
  payouts: "actions.payouts",
  snooze: "actions.snooze",
  mute: "actions.mute",
  ack: "actions.ack",
};

/** A button as adapters draw it, labelled in the language of the workspace it is posted to. */
export function buttonOf(token: string, kind: string, locale: Locale = "en"): ReplyAction {
  const key = (LABEL_KEYS as Record<string, MessageKey | undefined>)[kind];
  return {
    id: token,
    label: key ? translator(locale).t(key) : kind,
    ...(kind === "ack" ? { style: "primary" as const } : kind === "mute" ? { style: "danger" as const } : {}),
  };
}
