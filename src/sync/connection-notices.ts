import { footerIn } from "../alerts/locale.ts";
import { localizeClocks, type Reply, reply } from "../core/reply.ts";
import { type Locale, translator } from "../i18n/index.ts";

/**
 * Channel messages about a shop's connection, in the workspace's language (English by default);
 * they never carry tokens, codes or states.
 */

/** A notice in its language (marked with it, for the adapters' own words). */
function notice(locale: Locale, init: Parameters<typeof reply>[0]): Reply {
  return localizeClocks(reply(init), locale);
}

export function connectedNotice(
  shops: readonly string[],
  seller: string | undefined,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t } = words;
  const list = shops.length > 0 ? words.fmt.list(shops) : t("alert.noShopYet");
  return notice(locale, {
    kind: "success",
    title: seller ? t("alert.connectedTitleSeller", { seller }) : t("alert.connectedTitle"),
    summary: t("alert.connectedSummary", { count: shops.length, list }),
    sections: [
      {
        notes: [
          t("alert.connectedShops", { list }),
          t("alert.connectedFirstSync"),
          t("alert.connectedRemove"),
        ],
      },
    ],
    footer: footerIn(words, [t("alert.connectedFooter")], sandbox),
  });
}

export function deauthorizedNotice(shop: string, sandbox: boolean, locale: Locale = "en"): Reply {
  const words = translator(locale);
  const { t } = words;
  const reconnect = t("alert.reconnect");
  return notice(locale, {
    kind: "warning",
    title: t("alert.deauthorizedTitle", { shop }),
    summary: t("alert.deauthorizedSummary", { shop, reconnect }),
    sections: [{ notes: [t("alert.deauthorizedNote", { shop }), reconnect] }],
    footer: footerIn(words, [t("alert.deauthorizedFooter")], sandbox),
  });
}

export function expiringNotice(
  shop: string,
  /** Undefined when TikTok gave no believable date or count: the notice then says "soon". */
  daysLeft: number | undefined,
  expiresAt: Date | undefined,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t } = words;
  const reconnect = t("alert.reconnect");
  const date = expiresAt ? words.fmt.date(expiresAt, "UTC", "dayYear") : undefined;
  const expires = t("alert.expiresWhen", {
    when: daysLeft === undefined ? "soon" : daysLeft <= 0 ? "today" : "in",
    days: daysLeft ?? 0,
  });
  return notice(locale, {
    kind: "warning",
    title: t("alert.expiringTitle", { expires, shop }),
    summary: date
      ? t("alert.expiringSummaryDate", { shop, expires, date, reconnect })
      : t("alert.expiringSummary", { shop, expires, reconnect }),
    sections: [
      {
        notes: [
          date
            ? t("alert.expiringNoteDate", { shop, expires, date })
            : t("alert.expiringNote", { shop, expires }),
          reconnect,
        ],
      },
    ],
    footer: footerIn(words, [t("alert.toldOnceADay")], sandbox),
  });
}

/** Why an authorization needs the seller again: the app's scope, or TikTok refused to renew it. */
export type ReauthReason = { kind: "scope" } | { kind: "refused"; code?: string | undefined };

export function reauthNotice(
  shops: readonly string[],
  why: ReauthReason,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t } = words;
  const reason =
    why.kind === "scope"
      ? t("alert.reasonScope")
      : why.code
        ? t("alert.reasonRefusedCode", { code: why.code })
        : t("alert.reasonRefused");
  const reconnect = t("alert.reconnect");
  const list = shops.length > 0 ? words.fmt.list(shops) : t("alert.aShop");
  return notice(locale, {
    kind: "warning",
    title: t("alert.reauthTitle", { shops: list }),
    summary: t("alert.reauthSummary", { shops: list, reason, reconnect }),
    sections: [{ notes: [reason, reconnect, t("alert.reauthUntil")] }],
    footer: footerIn(words, [t("alert.reauthFooter")], sandbox),
  });
}
