import type { Messages } from "../../catalog.ts";

/** `/balance connect` and `/balance disconnect`. Variable names and URLs stay as they are. */
export default {
  setupTitle: "Connecting a real shop needs setup",
  setupSummary: "Set {variables}, then restart balance-bot and run /balance connect again.",
  and: "{first} and {next}",
  setupFooter: "see README: Connecting a real shop",
  settingServiceId:
    "TIKTOK_SERVICE_ID: the Service ID of your app in the global TikTok Shop Partner Center (its authorization link, services.tiktokshop.com/open/authorize?service_id=…).",
  settingUsServiceId:
    "TIKTOK_US_SERVICE_ID: the Service ID of your app in the US TikTok Shop Partner Center (its authorization link, services.tiktokshops.us/open/authorize?service_id=…).",
  settingPublicUrl:
    "PUBLIC_URL: the bot's public https base, e.g. https://balance.example.com; register {callback} as the app's redirect URL in Partner Center.",
  settingPort:
    "PORT: the bot's HTTP server (callback and webhooks) is not running; set PORT (e.g. 3000) and restart.",
  title: "Connect a TikTok Shop",
  summary:
    "Open {links, plural, one {this link} other {the link for your region}} as the shop owner and approve balance-bot: {urls}",
  linkSandbox: "Sandbox shop",
  linkUs: "US sellers",
  linkGlobal: "Sellers outside the US",
  noteOnce: "The link works once and expires in 30 minutes ({time} UTC).",
  noteApproved:
    "When the owner approves, this channel gets a confirmation and the shops appear in /balance shops.",
  footerSandbox: "sandbox shop · no real store is touched",
  footerReal: "TikTok Shop authorization",
  whichShop: "say which shop to disconnect: {shops}",
  disconnectedTitle: "Disconnected {shop}",
  disconnectedSummary: "{shop} is no longer linked to this workspace.",
  credentialsDeleted:
    "No other workspace uses its TikTok authorization, so the stored credentials were deleted.",
  credentialsKept: "Another workspace still uses this shop's TikTok authorization, so its credentials stay.",
  historyStays: "Its synced history stays in the database; /balance connect links it again.",
  sandboxAgain: "Sandbox: a workspace with no shop sees the sandbox shops again on its next command.",
} as const satisfies Messages;
