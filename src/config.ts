import cron from "node-cron";
import { z } from "zod";

/**
 * The only reader of process.env. One zod schema; every problem is reported at once with its fix.
 * Empty strings count as unset (docker env files often carry `KEY=`). Secrets have no defaults.
 */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
// The fallback goes through the schema like any value (it is an input), so it is checked too.
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((value) => blank(value) ?? fallback, schema);

const httpUrl = (fix: string) =>
  z
    .string()
    .url({ message: `must be an http(s) URL. ${fix}` })
    .refine((v) => /^https?:\/\//.test(v), { message: `must start with http:// or https://. ${fix}` });

const secret = (prefix: string | undefined, fix: string) =>
  z.string().superRefine((v, ctx) => {
    if (prefix && !v.startsWith(prefix))
      ctx.addIssue({ code: "custom", message: `must start with "${prefix}". ${fix}` });
    else if (v.length < 8) ctx.addIssue({ code: "custom", message: `looks too short to be real. ${fix}` });
  });

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));

const schema = z.object({
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, {
      message:
        "must be a postgres:// URL, e.g. postgres://user:pass@localhost:5432/balance. Unset it to use the embedded database.",
    }),
  ),
  DATA_DIR: withDefault(z.string(), "./.data"),
  // The console's language, the POSIX way (LC_ALL over LC_MESSAGES over LANG); not a secret.
  LC_ALL: optional(z.string()),
  LC_MESSAGES: optional(z.string()),
  LANG: optional(z.string()),
  SLACK_BOT_TOKEN: optional(
    secret("xoxb-", "Copy the Bot User OAuth Token from your Slack app's OAuth & Permissions page."),
  ),
  SLACK_APP_TOKEN: optional(
    secret("xapp-", "Create an app-level token with connections:write under Basic Information."),
  ),
  SLACK_SIGNING_SECRET: optional(
    secret(undefined, "Copy the Signing Secret from your Slack app's Basic Information."),
  ),
  SLACK_API_URL: withDefault(httpUrl("Leave it unset for https://slack.com/api/."), "https://slack.com/api/"),
  SLACK_ADMIN_USERS: withDefault(z.string(), ""),
  DISCORD_TOKEN: optional(
    secret(undefined, "Copy the bot token from the Discord Developer Portal (Bot tab)."),
  ),
  DISCORD_APPLICATION_ID: optional(
    z
      .string()
      .regex(/^\d{15,21}$/, { message: "must be the numeric Application ID from the Developer Portal." }),
  ),
  DISCORD_API_URL: withDefault(
    httpUrl("Leave it unset for https://discord.com/api."),
    "https://discord.com/api",
  ),
  TELEGRAM_BOT_TOKEN: optional(
    z.string().regex(/^\d{5,16}:[A-Za-z0-9_-]{30,64}$/, {
      message: "must be the token @BotFather gave you, like 123456789:AAE… (send /token to @BotFather).",
    }),
  ),
  TELEGRAM_API_URL: withDefault(
    httpUrl("Leave it unset for https://api.telegram.org."),
    "https://api.telegram.org",
  ),
  TELEGRAM_ADMIN_USERS: withDefault(z.string(), ""),
  LINE_CHANNEL_SECRET: optional(
    z.string().regex(/^[0-9a-f]{32}$/, {
      message: "must be the 32-character Channel secret from the LINE Developers Console (Basic settings).",
    }),
  ),
  LINE_CHANNEL_ACCESS_TOKEN: optional(
    secret(
      undefined,
      "Issue a long-lived channel access token in the LINE Developers Console (Messaging API tab).",
    ),
  ),
  LINE_API_URL: withDefault(httpUrl("Leave it unset for https://api.line.me."), "https://api.line.me"),
  LINE_ADMIN_USERS: withDefault(z.string(), ""),
  TIKTOK_APP_KEY: optional(z.string().min(4, { message: "is the App key from TikTok Shop Partner Center." })),
  TIKTOK_APP_SECRET: optional(secret(undefined, "Copy the App secret from TikTok Shop Partner Center.")),
  TIKTOK_API_URL: withDefault(
    httpUrl("Leave it unset for the global Open API host."),
    "https://open-api.tiktokglobalshop.com",
  ),
  TIKTOK_AUTH_URL: withDefault(
    httpUrl("Leave it unset for https://auth.tiktok-shops.com."),
    "https://auth.tiktok-shops.com",
  ),
  TIKTOK_SERVICE_ID: optional(
    z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, {
      message:
        "must be the Service ID from TikTok Shop Partner Center (your app's page, also in its authorization link as service_id=…).",
    }),
  ),
  TIKTOK_US_SERVICE_ID: optional(
    z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, {
      message:
        "must be the Service ID of your app in the US Partner Center (in its authorization link as service_id=…).",
    }),
  ),
  PUBLIC_URL: optional(
    httpUrl(
      "Set it to the bot's public base URL, e.g. https://balance.example.com; TikTok redirects sellers to PUBLIC_URL/tiktok/callback.",
    ),
  ),
  TIKTOK_ACCESS_TOKEN: optional(secret(undefined, "Paste the seller's access token, or unset it.")),
  TIKTOK_REFRESH_TOKEN: optional(secret(undefined, "Paste the seller's refresh token, or unset it.")),
  SANDBOX_SEED: withDefault(z.coerce.number().int({ message: "must be a whole number, e.g. 42." }), 42),
  SANDBOX_SPEED: withDefault(
    z.coerce
      .number({ message: "must be a number of simulated seconds per real second, e.g. 60." })
      .positive({ message: "must be above 0, e.g. 60." })
      .max(1_000_000, { message: "must be at most 1000000." }),
    60,
  ),
  ENCRYPTION_KEY: optional(
    z.string().refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
      message: "must be 32 random bytes in base64. Generate one with: openssl rand -base64 32",
    }),
  ),
  CHART_RENDERER: withDefault(
    z.enum(["local", "quickchart"], { message: 'must be "local" (default) or "quickchart".' }),
    "local",
  ),
  QUICKCHART_URL: optional(httpUrl("Point it at your QuickChart server, e.g. http://quickchart:3400.")),
  PORT: optional(
    z.coerce
      .number({ message: "must be a port number, e.g. 3000." })
      .int({ message: "must be a whole port number, e.g. 3000." })
      .min(1, { message: "must be between 1 and 65535." })
      .max(65535, { message: "must be between 1 and 65535." }),
  ),
  METRICS_TOKEN: optional(
    z.string().regex(/^[A-Za-z0-9._~+/=-]{16,200}$/, {
      message:
        "must be at least 16 characters of letters, digits or ._~+/=- (it goes in an Authorization header). Generate one with: openssl rand -hex 24",
    }),
  ),
  LOG_LEVEL: withDefault(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent.",
    }),
    "info",
  ),
  LOG_DESTINATION: withDefault(
    z.enum(["auto", "stderr", "file"], {
      message:
        "must be auto (a file under DATA_DIR/logs when stdout is a terminal, JSON on stderr otherwise), stderr or file.",
    }),
    "auto",
  ),
  OUTBOX_LEASE_SECONDS: withDefault(
    z.coerce
      .number({ message: "must be a number of seconds, e.g. 60." })
      .int({ message: "must be a whole number of seconds, e.g. 60." })
      .min(1, { message: "must be at least 1." })
      .max(3600, { message: "must be at most 3600." }),
    60,
  ),
  SYNC_LEASE_SECONDS: withDefault(
    z.coerce
      .number({ message: "must be a number of seconds, e.g. 60." })
      .int({ message: "must be a whole number of seconds, e.g. 60." })
      .min(2, { message: "must be at least 2." })
      .max(3600, { message: "must be at most 3600." }),
    60,
  ),
  SYNC_CONCURRENCY: withDefault(
    z.coerce
      .number({ message: "must be a number of shops, e.g. 4." })
      .int({ message: "must be a whole number of shops, e.g. 4." })
      .min(1, { message: "must be at least 1." })
      .max(64, { message: "must be at most 64." }),
    4,
  ),
  SYNC_CRON: optional(
    z.string().refine((v) => cron.validate(v), {
      message: 'is not a cron expression; e.g. "*/15 * * * *" (every 15 minutes). Unset it for the default.',
    }),
  ),
  DEFAULT_TIMEZONE: withDefault(
    z.string().refine((v) => TIME_ZONES.has(v), {
      message: "must be an IANA zone such as Europe/Berlin or America/New_York.",
    }),
    "UTC",
  ),
});

/** Rules across variables; run on the raw values so they are reported even when a field is malformed. */
function crossChecks(raw: Record<string, string | undefined>): string[] {
  const env = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, blank(v) as string | undefined]));
  const problems: string[] = [];
  const need = (when: boolean, path: string, message: string) => {
    if (when) problems.push(`${path} ${message}`);
  };
  need(
    !!env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET,
    "SLACK_APP_TOKEN",
    "is needed with SLACK_BOT_TOKEN: set it for Socket Mode (recommended), or set SLACK_SIGNING_SECRET for HTTP mode.",
  );
  need(
    !env.SLACK_BOT_TOKEN && (!!env.SLACK_APP_TOKEN || !!env.SLACK_SIGNING_SECRET),
    "SLACK_BOT_TOKEN",
    "is needed for Slack: copy the Bot User OAuth Token (xoxb-…), or unset the other SLACK_ variables.",
  );
  need(
    !!env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID,
    "DISCORD_APPLICATION_ID",
    "is needed with DISCORD_TOKEN: copy the Application ID from the Developer Portal's General Information.",
  );
  need(
    !!env.LINE_CHANNEL_SECRET !== !!env.LINE_CHANNEL_ACCESS_TOKEN,
    env.LINE_CHANNEL_SECRET ? "LINE_CHANNEL_ACCESS_TOKEN" : "LINE_CHANNEL_SECRET",
    "is needed for LINE: set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN from the LINE Developers Console, or neither.",
  );
  need(
    !!env.LINE_CHANNEL_SECRET && !env.PUBLIC_URL,
    "PUBLIC_URL",
    "is needed for LINE: LINE posts to PUBLIC_URL/line/webhook and fetches chart images from PUBLIC_URL over https.",
  );
  need(
    !!env.LINE_CHANNEL_SECRET && !!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN,
    "SLACK_APP_TOKEN",
    "is needed to run LINE beside Slack: Slack's HTTP mode serves PORT itself, so use Socket Mode (SLACK_APP_TOKEN) with LINE.",
  );
  need(
    !!env.TIKTOK_APP_KEY !== !!env.TIKTOK_APP_SECRET,
    env.TIKTOK_APP_KEY ? "TIKTOK_APP_SECRET" : "TIKTOK_APP_KEY",
    `is needed with ${env.TIKTOK_APP_KEY ? "TIKTOK_APP_KEY" : "TIKTOK_APP_SECRET"}: set both for a real shop, or neither for the sandbox shop.`,
  );
  need(
    (!!env.TIKTOK_ACCESS_TOKEN || !!env.TIKTOK_REFRESH_TOKEN) && !env.TIKTOK_APP_KEY,
    "TIKTOK_APP_KEY",
    "is needed with TIKTOK_ACCESS_TOKEN/TIKTOK_REFRESH_TOKEN: tokens only work with the app that issued them.",
  );
  need(
    !!env.TIKTOK_ACCESS_TOKEN !== !!env.TIKTOK_REFRESH_TOKEN,
    env.TIKTOK_ACCESS_TOKEN ? "TIKTOK_REFRESH_TOKEN" : "TIKTOK_ACCESS_TOKEN",
    `is needed with ${env.TIKTOK_ACCESS_TOKEN ? "TIKTOK_ACCESS_TOKEN" : "TIKTOK_REFRESH_TOKEN"}: the bootstrap tokens go together.`,
  );
  need(
    !!env.TIKTOK_APP_KEY && !env.ENCRYPTION_KEY,
    "ENCRYPTION_KEY",
    "is required with real TikTok credentials, to encrypt tokens at rest. Generate one with: openssl rand -base64 32",
  );
  need(
    env.CHART_RENDERER === "quickchart" && !env.QUICKCHART_URL,
    "QUICKCHART_URL",
    "is required with CHART_RENDERER=quickchart (your self-hosted QuickChart); charts would otherwise leave the deployment.",
  );
  return problems;
}

export type Env = z.output<typeof schema>;

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** The console user's locale from LC_ALL / LC_MESSAGES / LANG ("th_TH.UTF-8"); absent: English. */
  consoleLocale: string | undefined;
  slack:
    | { mode: "socket"; botToken: string; appToken: string; apiUrl: string; admins: string[] }
    | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string; admins: string[] }
    | undefined;
  discord: { token: string; applicationId: string; apiUrl: string } | undefined;
  telegram: { token: string; apiUrl: string; admins: string[] } | undefined;
  line:
    | {
        channelSecret: string;
        channelAccessToken: string;
        apiUrl: string;
        publicUrl: string;
        admins: string[];
      }
    | undefined;
  tiktok:
    | {
        appKey: string;
        appSecret: string;
        apiUrl: string;
        authUrl: string;
        bootstrap: { accessToken: string; refreshToken: string } | undefined;
      }
    | undefined;
  /**
   * The Partner Center Service IDs behind the seller authorization links: the global Partner
   * Center's (TIKTOK_SERVICE_ID) and the US one's (TIKTOK_US_SERVICE_ID).
   */
  tiktokServiceIds: { global: string | undefined; us: string | undefined };
  /** The bot's public base URL, no trailing slash: OAuth redirect and webhook host (PUBLIC_URL). */
  publicUrl: string | undefined;
  sandbox: { seed: number; speed: number };
  encryptionKey: Buffer | undefined;
  charts: { renderer: "local" | "quickchart"; quickchartUrl: string | undefined };
  port: number | undefined;
  /** Bearer token for GET /metrics (METRICS_TOKEN); unset → /metrics answers nobody. */
  metricsToken: string | undefined;
  logLevel: Env["LOG_LEVEL"];
  /** auto: a file under DATA_DIR/logs when stdout is a terminal (the console is a conversation), JSON on stderr otherwise. */
  logDestination: Env["LOG_DESTINATION"];
  /** How long a claimed outbox row is leased before another worker may retry it (after a crash). */
  outboxLeaseMs: number;
  /** Unset: every 15 minutes on a real shop, every 10 seconds on the sandbox (its clock runs fast). */
  syncCron: string | undefined;
  /** How long a replica's claim on a shop's sync lasts unless renewed (a crashed replica's shops wait this long). */
  syncLeaseMs: number;
  /** Shops one replica syncs at once. */
  syncConcurrency: number;
  defaultTimezone: string;
}

/** Every problem with the environment, each with the variable and its fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(
      `balance-bot cannot start: ${problems.length} configuration problem${problems.length === 1 ? "" : "s"}\n${problems
        .map((p) => `  - ${p}`)
        .join("\n")}\nSee the configuration table in README.md.`,
    );
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  // Never echo values: they may be secrets.
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`)),
    ...crossChecks(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const admins = e.SLACK_ADMIN_USERS.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let slack: Config["slack"];
  if (e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
    slack = {
      mode: "socket",
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      admins,
    };
  } else if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
    slack = {
      mode: "http",
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      admins,
    };
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    consoleLocale: e.LC_ALL ?? e.LC_MESSAGES ?? e.LANG,
    slack,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL }
        : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiUrl: e.TELEGRAM_API_URL,
          admins: e.TELEGRAM_ADMIN_USERS.split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : undefined,
    line:
      e.LINE_CHANNEL_SECRET && e.LINE_CHANNEL_ACCESS_TOKEN && e.PUBLIC_URL
        ? {
            channelSecret: e.LINE_CHANNEL_SECRET,
            channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
            apiUrl: e.LINE_API_URL,
            publicUrl: e.PUBLIC_URL.replace(/\/+$/, ""),
            admins: e.LINE_ADMIN_USERS.split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : undefined,
    tiktok:
      e.TIKTOK_APP_KEY && e.TIKTOK_APP_SECRET
        ? {
            appKey: e.TIKTOK_APP_KEY,
            appSecret: e.TIKTOK_APP_SECRET,
            apiUrl: e.TIKTOK_API_URL,
            authUrl: e.TIKTOK_AUTH_URL,
            bootstrap:
              e.TIKTOK_ACCESS_TOKEN && e.TIKTOK_REFRESH_TOKEN
                ? { accessToken: e.TIKTOK_ACCESS_TOKEN, refreshToken: e.TIKTOK_REFRESH_TOKEN }
                : undefined,
          }
        : undefined,
    tiktokServiceIds: { global: e.TIKTOK_SERVICE_ID, us: e.TIKTOK_US_SERVICE_ID },
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    sandbox: { seed: e.SANDBOX_SEED, speed: e.SANDBOX_SPEED },
    encryptionKey: e.ENCRYPTION_KEY ? Buffer.from(e.ENCRYPTION_KEY, "base64") : undefined,
    charts: { renderer: e.CHART_RENDERER, quickchartUrl: e.QUICKCHART_URL },
    port: e.PORT,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    logDestination: e.LOG_DESTINATION,
    syncCron: e.SYNC_CRON,
    syncLeaseMs: e.SYNC_LEASE_SECONDS * 1000,
    syncConcurrency: e.SYNC_CONCURRENCY,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    defaultTimezone: e.DEFAULT_TIMEZONE,
  };
}

/** Every configured secret value, for log scrubbing and the secret-scan tests. */
export function secretsOf(config: Config): string[] {
  return [
    config.slack?.botToken,
    config.slack?.mode === "socket" ? config.slack.appToken : config.slack?.signingSecret,
    config.discord?.token,
    config.telegram?.token,
    config.line?.channelSecret,
    config.line?.channelAccessToken,
    config.tiktok?.appSecret,
    config.tiktok?.bootstrap?.accessToken,
    config.tiktok?.bootstrap?.refreshToken,
    config.encryptionKey?.toString("base64"),
    config.metricsToken,
  ].filter((s): s is string => !!s);
}
