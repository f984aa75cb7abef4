import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/manifest.ts";
import { ADAPTERS, type AdapterContext } from "../../src/cli/adapters.ts";
import { jobDeps } from "../../src/cli/job-deps.ts";
import { buildJobs } from "../../src/scheduler/job-table.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

// The Slack App Home as `start` wires it (src/cli/adapters.ts): digest settings on the tab, and a
// refresh after each sync job for those who opened it, at most one views.publish per user a minute.

const CHANNEL = "C0FINANCE1";
const ADMIN = "U0ADMIN001";
const MEMBER = "U0MEMBER01";

let app: TestApp;
let fake: FakeSlack;
let stopSecond: () => Promise<void> = async () => {};
const stops: (() => Promise<void>)[] = [];
// Real time as the Home tab's limit sees it, moved by the test; 1 s into a minute so that the
// steps below that must share a minute do.
let now = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;

/** Starts a replica's Slack adapter; returns what stops it (its adapter and everything it registered). */
async function startReplica(): Promise<() => Promise<void>> {
  const from = stops.length;
  const ctx: AdapterContext = {
    app,
    chat: true,
    readiness: () => ({}),
    onStop: (stop) => void stops.push(stop),
    write: () => {},
    addRoutes: () => {},
    now: () => now,
  };
  const started = await ADAPTERS.slack.start(ctx);
  stops.push(() => started.stop());
  return async () => {
    for (const stop of stops.splice(from).reverse()) await stop();
  };
}

const homesOf = (user: string) => fake.workspace.homeViews.filter((v) => v.userId === user);
// A sync fire at which every shop is due (due times are real time; the minutes here are not).
const syncJob = () =>
  buildJobs({ ...jobDeps(app), syncDue: () => app.syncAll() }, {}).find((j) => j.name === "sync")!;
const settle = () => new Promise((r) => setTimeout(r, 800));

beforeAll(async () => {
  fake = await FakeSlack.start({
    admins: [ADMIN],
    scopes: SLACK_BOT_SCOPES,
    channels: [{ id: CHANNEL, name: "finance", member: true }],
    lenient: { rateLimits: true },
  });
  app = await createTestApp({
    sandbox: { historyDays: 3, ordersPerDay: 2 },
    env: { SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl },
  });
  await startReplica();
  await fake.waitForSocket();
  for (const text of ["digest on", "digest time 08:30"]) {
    const answer = await fake.sendSlashCommand({ text, user_id: ADMIN, channel_id: CHANNEL });
    expect(JSON.stringify(answer.payload)).toContain("Digest settings saved");
  }
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  await fake?.close();
  await app?.close();
});

describe("Slack App Home", () => {
  it("lists each channel's digest (on/off, time, zone) next to the headline and the alerts", async () => {
    await fake.sendAppHomeOpened(ADMIN);
    await fake.waitFor(() => homesOf(ADMIN).length === 1, 20_000, "views.publish");
    const text = JSON.stringify(homesOf(ADMIN)[0]!.blocks);
    expect(text).toMatch(/Sandbox Outdoor \(US\): .*settled/);
    expect(text).toContain("Daily digests");
    expect(text).toMatch(new RegExp(`<#${CHANNEL}> · on, at 08:30 [A-Za-z_]+/[A-Za-z_]+ \\(default\\)`));
    expect(text).toContain(`channel=${CHANNEL}`);
    // The Home tab's own DM channel is no digest channel.
    expect(text).not.toContain("<#D0");
  });

  it("after a sync, whoever opened Home gets one views.publish; a second sync within the minute none", async () => {
    now += 61_000;
    await syncJob().run();
    await fake.waitFor(() => homesOf(ADMIN).length === 2, 20_000, "the Home refresh after a sync");
    expect(homesOf(MEMBER)).toHaveLength(0);

    now += 5_000;
    await syncJob().run();
    await settle();
    expect(homesOf(ADMIN)).toHaveLength(2);
  });

  it("the once-a-minute limit holds across replicas (a claim in the shared database)", async () => {
    // A second replica on the same database; the fake now pushes events to its socket.
    stopSecond = await startReplica();
    await fake.waitFor(() => fake.socketCount === 2, 5_000, "the second replica's socket");
    now += 3_000; // still the minute of the refresh above, on a replica that did not publish it
    await fake.sendAppHomeOpened(ADMIN);
    await settle();
    expect(homesOf(ADMIN)).toHaveLength(2);

    now += 60_000; // a new minute: one publish again
    await fake.sendAppHomeOpened(ADMIN);
    await fake.waitFor(() => homesOf(ADMIN).length === 3, 20_000, "views.publish a minute later");
  });

  it("a Home opened on one replica is refreshed by another replica's sync (who opened it is in the database)", async () => {
    now += 61_000;
    // The event reaches the second replica only; then that replica stops.
    await fake.sendAppHomeOpened(MEMBER);
    await fake.waitFor(() => homesOf(MEMBER).length === 1, 20_000, "the member's Home");
    await stopSecond();
    await fake.waitFor(() => fake.socketCount === 1, 5_000, "the second replica gone");

    now += 61_000;
    await syncJob().run();
    await fake.waitFor(
      () => homesOf(MEMBER).length === 2,
      20_000,
      "the member's Home refreshed by the first replica",
    );
  });
});
