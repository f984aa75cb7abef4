import { DateTime } from "luxon";
import { type Reply, reply } from "../core/reply.ts";

/** Channel messages about a shop's connection; never carry tokens, codes or states. */

const RECONNECT = "An admin runs /balance connect and approves balance-bot again in TikTok Shop.";
const tail = (sandbox: boolean) => (sandbox ? " · sandbox data" : "");

export function connectedNotice(
  shops: readonly string[],
  seller: string | undefined,
  sandbox: boolean,
): Reply {
  const list = shops.length > 0 ? shops.join(", ") : "no shop yet";
  return reply({
    kind: "success",
    title: `✅ TikTok Shop connected${seller ? ` · ${seller}` : ""}`,
    summary: `Connected ${shops.length} shop${shops.length === 1 ? "" : "s"}: ${list}. The first sync starts within minutes.`,
    sections: [
      {
        notes: [
          `Shops: ${list}.`,
          "Figures appear after the first sync; /balance status shows its progress.",
          "Remove a shop from this workspace with /balance disconnect <shop>.",
        ],
      },
    ],
    footer: `connected${tail(sandbox)}`,
  });
}

export function deauthorizedNotice(shop: string, sandbox: boolean): Reply {
  return reply({
    kind: "warning",
    title: `⚠ TikTok Shop access removed · ${shop}`,
    summary: `The seller removed balance-bot's access to ${shop}: figures stop updating. ${RECONNECT}`,
    sections: [{ notes: [`${shop} was deauthorized in TikTok Shop; syncing has stopped.`, RECONNECT] }],
    footer: `TikTok webhook${tail(sandbox)}`,
  });
}

export function expiringNotice(
  shop: string,
  /** Undefined when TikTok gave no believable date or count: the notice then says "soon". */
  daysLeft: number | undefined,
  expiresAt: Date | undefined,
  sandbox: boolean,
): Reply {
  const when = expiresAt
    ? ` (${DateTime.fromJSDate(expiresAt, { zone: "UTC" }).toFormat("LLL d, yyyy")})`
    : "";
  const days =
    daysLeft === undefined
      ? "soon"
      : daysLeft <= 0
        ? "today"
        : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
  return reply({
    kind: "warning",
    title: `⏳ TikTok Shop authorization expires ${days} · ${shop}`,
    summary: `balance-bot's access to ${shop} expires ${days}${when}. ${RECONNECT}`,
    sections: [{ notes: [`Authorization of ${shop} expires ${days}${when}.`, RECONNECT] }],
    footer: `told at most once a day${tail(sandbox)}`,
  });
}

export function reauthNotice(shops: readonly string[], reason: string, sandbox: boolean): Reply {
  const list = shops.join(", ") || "a shop";
  return reply({
    kind: "warning",
    title: `⚠ Re-authorize TikTok Shop · ${list}`,
    summary: `balance-bot can no longer read ${list}: ${reason}. ${RECONNECT}`,
    sections: [{ notes: [reason, RECONNECT, "Until then /balance shows the last synced figures."] }],
    footer: `told once${tail(sandbox)}`,
  });
}
