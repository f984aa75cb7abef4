import type { ReplyChart } from "../../core/reply.ts";

/** Charts as files.uploadV2 `file_uploads`: each its own file, titled with what it shows. */
export function slackFiles(charts: readonly ReplyChart[]) {
  return charts.map((chart) => ({
    file: Buffer.from(chart.png),
    filename: chart.filename,
    title: chart.alt,
    alt_text: chart.alt,
  }));
}
