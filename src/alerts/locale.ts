import { eq } from "drizzle-orm";
import { isLocale, type Locale, type Translator } from "../i18n/index.ts";
import type { Tx } from "../storage/database.ts";
import { workspaces } from "../storage/schema/index.ts";

/**
 * Alerts, notices and digests are written outside a command, so no one asked in a language: they
 * speak the workspace's chosen language, else English.
 */
export function alertLocale(language: string | null | undefined): Locale {
  return isLocale(language) ? language : "en";
}

/** Each workspace's language, read once per workspace for one batch of messages. */
export function workspaceLocales(db: Tx): (workspaceId: number) => Promise<Locale> {
  const known = new Map<number, Promise<Locale>>();
  return (workspaceId) => {
    let found = known.get(workspaceId);
    if (!found) {
      found = db
        .select({ language: workspaces.language })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId))
        .then(([row]) => alertLocale(row?.language));
      known.set(workspaceId, found);
    }
    return found;
  };
}

/** One view per language, built the first time a channel reading that language needs it. */
export function perLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale) => {
    if (!built.has(locale)) built.set(locale, build(locale));
    return built.get(locale)!;
  };
}

/** A footer's items in a language, " · sandbox data" last when the figures are the sandbox's. */
export function footerIn(words: Pick<Translator, "t">, items: readonly string[], sandbox: boolean): string {
  return [...items, ...(sandbox ? [words.t("core.sandboxData")] : [])].join(" · ");
}

/** How long the outbox trusts a workspace's language it has read (a fan-out reads it once). */
const REMEMBER_MS = 10_000;
const remembered = new WeakMap<Tx, Map<number, { locale: Promise<Locale>; until: number }>>();

/**
 * A workspace's language for what is drawn at send time (button labels), read at most once per
 * workspace every few seconds: a digest fanned out to many channels costs one read per workspace.
 */
export function rememberedWorkspaceLocale(db: Tx, workspaceId: number, now = Date.now()): Promise<Locale> {
  let known = remembered.get(db);
  if (!known) {
    known = new Map();
    remembered.set(db, known);
  }
  const hit = known.get(workspaceId);
  if (hit && hit.until > now) return hit.locale;
  const locale = workspaceLocales(db)(workspaceId).catch((): Locale => "en");
  known.set(workspaceId, { locale, until: now + REMEMBER_MS });
  return locale;
}
