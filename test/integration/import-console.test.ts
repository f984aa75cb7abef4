import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toInvocation as slackInvocation } from "../../src/adapters/slack/invocation.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

/**
 * `/balance import` through each adapter's way of handing over a file: the console reads a local
 * path, Slack (text only) explains where else to import; the command never asks which it is.
 */
const FIXTURES = resolve(import.meta.dirname, "../fixtures/exports");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ sync: false });
});
afterAll(async () => {
  await app?.close();
});

describe("/balance import in the console and in Slack", () => {
  it("the console imports a local path into the shops `balance-bot import` uses", async () => {
    const answer = await app.ask(`/balance import ${FIXTURES}/income-en.csv shop:localstore`);
    expect(answer.kind).toBe("success");
    expect(textOf(answer)).toContain('6 rows (6 new) into shop "localstore"');
    const earnings = await app.ask("/balance earnings 2026-06 shop:localstore");
    expect(textOf(earnings)).toContain("$3,270.01");
  });

  it("a path that does not exist is a one-line error naming it, nothing imported", async () => {
    const answer = await app.ask("/balance import /nowhere/income.csv");
    expect(answer.kind).toBe("error");
    expect(textOf(answer)).toContain("/nowhere/income.csv: no such file");
    expect(textOf(await app.ask("/balance shops"))).not.toContain("income");
  });

  it("Slack slash commands carry no file: the reply says where to import instead", async () => {
    const invocation = slackInvocation(
      {
        team_id: "T-IMPORT",
        channel_id: "C1",
        user_id: "U1",
        text: "import income.csv",
      } as Parameters<typeof slackInvocation>[0],
      { isAdmin: true },
      "corr-1",
      ALWAYS_CAN_POST,
    );
    const answer = await app.core.dispatch(invocation);
    expect(answer.kind).toBe("error");
    expect(textOf(answer)).toContain("Slack slash commands can't carry a file");
    expect(textOf(answer)).toContain("balance-bot import <file>");
  });
});
