import { clockedLabel, type Reply, type ReplyChart } from "../../core/reply.ts";
import { escapeMrkdwn, truncate } from "./render.ts";

/** files.uploadV2 `initial_comment` is message text: kept well inside a message's length. */
export const MAX_CHART_COMMENT = 3000;

/**
 * Each chart with the text that goes up with it: the section it illustrates (its shop's title and
 * figures, each with its clock), so in Slack every shop's chart sits with that shop's figures, in
 * the reply's order. A chart that belongs to no section is titled with the reply.
 */
export function chartComments(reply: Reply): { chart: ReplyChart; comment: string }[] {
  return (reply.charts ?? []).map((chart) => {
    const part = chart.section === undefined ? undefined : reply.sections[chart.section];
    if (!part) return { chart, comment: `*${escapeMrkdwn(reply.title)}*` };
    const lines = [`*${escapeMrkdwn(part.title ?? reply.title)}*`];
    for (const field of part.fields ?? [])
      lines.push(`${escapeMrkdwn(clockedLabel(field))}: *${escapeMrkdwn(field.value)}*`);
    return { chart, comment: truncate(lines.join("\n"), MAX_CHART_COMMENT) };
  });
}
