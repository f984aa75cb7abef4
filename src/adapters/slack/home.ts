import { randomUUID } from "node:crypto";
import type { App } from "@slack/bolt";
import { ALWAYS_CAN_POST } from "../../core/channel-access.ts";
import type { Core } from "../../core/dispatcher.ts";
import type { Reply } from "../../core/reply.ts";
import { type Translator, translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import type { SlackAdminCheck } from "./invocation.ts";
import { escapeMrkdwn, type SlackBlock, truncate } from "./render.ts";

/** At most one views.publish per user per minute (Slack rate-limits views.publish per user). */
export const HOME_PUBLISH_GAP_MS = 60_000;
/** After a sync, the Home tab is refreshed only for those who opened it this recently. */
export const HOME_REFRESH_WITHIN_MS = 24 * 3_600_000;
const MAX_HOME_BLOCKS = 100;
const MAX_DIGEST_ROWS = 20;

/** One channel's daily digest as the Home tab shows it (every value already worded). */
export interface HomeDigestSetting {
  channel: string;
  enabled: boolean;
  time: string;
  zone: string;
  /** The zone is the first linked shop's, not set with /balance digest tz. */
  zoneIsDefault: boolean;
}

/** What the Home tab reads besides the core's answers; the composition root wires it to storage. */
export interface SlackHomePorts {
  /** The workspace's channels with their digest settings (team id = Slack workspace). */
  digestSettings(teamId: string): Promise<HomeDigestSetting[]>;
  /**
   * The minute-wide claim shared by replicas: false when another replica already published this
   * user's Home in the same minute (the seen_requests table).
   */
  firstSighting?(key: string, expiresAt: Date, now: Date): Promise<boolean>;
  /**
   * Who opened the Home tab, shared by replicas (the slack_home_visits table): the replica that
   * runs a sync refreshes the tabs opened on any of them. Without it, this replica's memory.
   */
  visits?: {
    record(visit: HomeVisit): Promise<void>;
    since(teamIds: readonly string[], since: Date): Promise<HomeVisit[]>;
  };
}

/** Someone opened the Home tab: where, and when. */
export interface HomeVisit {
  teamId: string;
  userId: string;
  channelId: string;
  at: Date;
}

export interface SlackHome {
  /** Republishes the Home tab of everyone who opened it within a day, in these workspaces. */
  refresh(teamIds: readonly string[]): Promise<number>;
}

interface Opened {
  teamId: string;
  userId: string;
  channel: string;
  at: number;
}

/**
 * The Home tab, published when someone opens it and after each sync: each linked shop's headline
 * (the first lines of `/balance`), the workspace's digest settings per channel, its alert rules
 * (`/balance alerts list`), and a button per channel to open it. Published at most once a minute
 * per user: on this replica by memory, across replicas by a per-minute claim in the database.
 */
export function registerSlackHome(
  app: App,
  deps: {
    core: Core;
    admins: SlackAdminCheck;
    log: Logger;
    now?: () => number;
    ports?: SlackHomePorts;
  },
): SlackHome {
  const lastPublished = new Map<string, number>();
  // Who opened the Home tab, to refresh it after a sync: the database's list when there is one
  // (every replica's openings), else this process's memory.
  const opened = new Map<string, Opened>();
  const visits = deps.ports?.visits;
  // "Open in channel" is a link button; Slack still sends its click, which only needs an ack.
  app.action(/^balance_bot_open:/, async ({ ack }) => {
    await ack();
  });
  const now = deps.now ?? Date.now;

  /** Claims this user's publish for the minute; false when one went out less than a minute ago. */
  async function claim(key: string): Promise<boolean> {
    const at = now();
    const last = lastPublished.get(key);
    if (last !== undefined && at - last < HOME_PUBLISH_GAP_MS) return false;
    lastPublished.set(key, at);
    if (!deps.ports?.firstSighting) return true;
    const minute = Math.floor(at / HOME_PUBLISH_GAP_MS);
    return deps.ports.firstSighting(
      `slack-home:${key}:${minute}`,
      new Date((minute + 2) * HOME_PUBLISH_GAP_MS),
      new Date(at),
    );
  }

  async function publish(who: Opened, client: App["client"]): Promise<boolean> {
    const key = `${who.teamId}:${who.userId}`;
    try {
      if (!(await claim(key))) return false;
      const ask = (text: string) =>
        deps.core.dispatch({
          platform: "slack",
          workspaceId: who.teamId,
          // The Home tab is the user's own space; no channel setting is changed from it.
          channelId: who.channel,
          userId: who.userId,
          isAdmin: false,
          text,
          correlationId: randomUUID(),
          channel: ALWAYS_CAN_POST,
        });
      const [balance, alerts, digests] = await Promise.all([
        ask(""),
        ask("alerts list"),
        deps.ports ? deps.ports.digestSettings(who.teamId) : Promise.resolve(undefined),
      ]);
      await client.views.publish({
        user_id: who.userId,
        view: { type: "home", blocks: homeBlocks(balance, alerts, digests, who.teamId) },
      });
      return true;
    } catch (error) {
      lastPublished.delete(key);
      deps.log.warn({ err: error, teamId: who.teamId }, "Home tab not published");
      return false;
    }
  }

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const who = { teamId, userId: event.user, channel: event.channel, at: now() };
    if (visits) {
      await visits
        .record({ teamId, userId: who.userId, channelId: who.channel, at: new Date(who.at) })
        .catch((error: unknown) => deps.log.warn({ err: error, teamId }, "Home tab visit not recorded"));
    } else opened.set(`${teamId}:${event.user}`, who);
    await publish(who, client);
  });

  return {
    async refresh(teamIds) {
      const teams = new Set(teamIds);
      let published = 0;
      if (visits) {
        const recent = await visits.since(teamIds, new Date(now() - HOME_REFRESH_WITHIN_MS));
        for (const v of recent) {
          const who = { teamId: v.teamId, userId: v.userId, channel: v.channelId, at: v.at.getTime() };
          if (await publish(who, app.client)) published++;
        }
        return published;
      }
      for (const [key, who] of opened) {
        if (now() - who.at > HOME_REFRESH_WITHIN_MS) opened.delete(key);
        else if (teams.has(who.teamId) && (await publish(who, app.client))) published++;
      }
      return published;
    },
  };
}

function openButton(channel: string, teamId: string, actionId: string, t: Translator["t"]) {
  return {
    type: "button" as const,
    text: { type: "plain_text" as const, text: t("chrome.homeOpen") },
    url: `https://slack.com/app_redirect?channel=${channel}&team=${teamId}`,
    action_id: `balance_bot_open:${actionId}`,
  };
}

/** "#C0FINANCE1 · on, at 09:00 America/Los_Angeles (default)", the words of `/balance digest`. */
export function describeDigestSetting(d: HomeDigestSetting, t: Translator["t"] = translator("en").t): string {
  const values = {
    channel: `<#${d.channel}>`,
    enabled: d.enabled ? "yes" : "no",
    time: d.time,
    zone: d.zone,
  };
  return t(d.zoneIsDefault ? "chrome.homeDigestSettingDefault" : "chrome.homeDigestSetting", values);
}

function digestBlocks(digests: HomeDigestSetting[], teamId: string, t: Translator["t"]): SlackBlock[] {
  const blocks: SlackBlock[] = [
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: t("chrome.homeDigests") } },
  ];
  if (digests.length === 0)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: t("chrome.homeNoDigest"),
      },
    });
  for (const d of digests.slice(0, MAX_DIGEST_ROWS))
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: describeDigestSetting(d, t) },
      accessory: openButton(d.channel, teamId, `digest:${d.channel}`, t),
    });
  if (digests.length > MAX_DIGEST_ROWS)
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: t("chrome.homeMoreChannels", { count: String(digests.length - MAX_DIGEST_ROWS) }),
        },
      ],
    });
  return blocks;
}

function homeBlocks(
  balance: Reply,
  alerts: Reply,
  digests: HomeDigestSetting[] | undefined,
  teamId: string,
): SlackBlock[] {
  // The Home tab speaks the language its balance was answered in.
  const { t } = translator(balance.locale ?? "en");
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
  if (digests) blocks.push(...digestBlocks(digests, teamId, t));
  blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: alerts.title } });
  const rows = alerts.sections[0]?.table?.rows ?? [];
  if (rows.length === 0)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: escapeMrkdwn(alerts.sections[0]?.notes?.[0] ?? t("chrome.homeNoAlerts")),
      },
    });
  for (const [id, tells, channel, state] of rows.slice(0, MAX_HOME_BLOCKS - blocks.length)) {
    const open = channel && /^[CG][A-Z0-9]+$/.test(channel);
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(escapeMrkdwn(`${id} ${tells} · ${state}`), 3000) },
      ...(open ? { accessory: openButton(channel, teamId, String(id), t) } : {}),
    });
  }
  return blocks;
}
