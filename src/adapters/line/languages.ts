import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "../../log.ts";

/** A profile's language changes rarely: one get-profile per user an hour is plenty. */
const TTL_MS = 60 * 60_000;
const MAX_CACHED_USERS = 5_000;

/**
 * Each user's LINE language (get-profile's `language`, e.g. "th"), cached per user. A user who
 * is not the bot's friend has no profile (404) and one who has not consented to LINE's privacy
 * policy has no language: both read as "not known" (cached too, so a group costs no call per
 * command).
 */
export class LineLanguages {
  private readonly cache = new Map<string, { language: string | undefined; expiresAt: number }>();

  constructor(
    private readonly client: Pick<messagingApi.MessagingApiClient, "getProfile">,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async of(userId: string): Promise<string | undefined> {
    const cached = this.cache.get(userId);
    if (cached && cached.expiresAt > this.now()) return cached.language;
    let language: string | undefined;
    try {
      language = (await this.client.getProfile(userId)).language;
    } catch (error) {
      this.log.debug(
        { err: error, userId },
        "no LINE profile for this user; answering in the default language",
      );
    }
    if (this.cache.size >= MAX_CACHED_USERS) this.cache.clear();
    this.cache.set(userId, { language, expiresAt: this.now() + TTL_MS });
    return language;
  }
}
