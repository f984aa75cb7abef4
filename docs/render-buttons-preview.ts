/**
 * Draws docs/buttons-digest.png: a Block Kit-like preview of a real digest with its buttons, as
 * balance-bot renders it for Slack (renderSlack over the digest the outbox would send, on the
 * sandbox shop). Run: npx tsx docs/render-buttons-preview.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { renderSlack } from "../src/adapters/slack/render.ts";
import { loadChartFont } from "../src/charts/font.ts";
import { buttonOf } from "../src/core/actions.ts";
import { digestView, fromView } from "../src/delivery/payload.ts";
import { buildDigestView } from "../src/digests/build.ts";
import { DIGEST_BUTTONS } from "../src/digests/tick.ts";
import { listLinkedShops } from "../src/storage/repos/workspaces.ts";
import { createTestApp } from "../test/support/app.ts";

const WIDTH = 760;
const PAD = 24;
const font = loadChartFont().family;

const app = await createTestApp({ sandbox: { seed: 42, historyDays: 20, ordersPerDay: 4 } });
await app.ask("/balance");
const shops = await listLinkedShops(app.database.db, 1);
const built = await buildDigestView({
  db: app.database.db,
  now: new Date(),
  sandbox: true,
  workspaceId: 1,
  shops: shops.slice(0, 1),
  zone: shops[0]!.timezone,
  since: null,
});
const reply = await fromView(digestView(built.reply, built.charts, DIGEST_BUTTONS), app.deps.charts);
const actions = DIGEST_BUTTONS.map((b, i) => buttonOf(`ba_preview${i}`, b.kind));
const { blocks } = renderSlack({ ...reply, charts: [], actions });
await app.close();

type Line = { text: string; size: number; bold?: boolean; colour: string; mono?: boolean };
const plain = (t: string) =>
  t
    .replace(/\*([^*]+)\*/g, "$1")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
const lines: (Line | { buttons: { label: string; primary: boolean }[] })[] = [];
for (const block of blocks as unknown as Record<string, unknown>[]) {
  if (block.type === "header")
    lines.push({ text: (block.text as { text: string }).text, size: 22, bold: true, colour: "#1d1c1d" });
  if (block.type === "section") {
    const text = (block.text as { text: string } | undefined)?.text ?? "";
    const mono = text.includes("```");
    for (const l of text.replace(/```/g, "").split("\n"))
      if (l.trim())
        for (const part of wrap(plain(l), mono ? 90 : 82))
          lines.push({
            text: part,
            size: mono ? 13 : 15,
            colour: "#1d1c1d",
            mono,
            bold: /^\*.*\*$/.test(l.trim()),
          });
    for (const f of (block.fields as { text: string }[] | undefined) ?? []) {
      const [label, ...value] = f.text.split("\n");
      lines.push({
        text: `${plain(label ?? "")}:  ${plain(value.join(" "))}`.slice(0, 90),
        size: 14,
        colour: "#1d1c1d",
      });
    }
  }
  if (block.type === "context")
    for (const e of block.elements as { text: string }[])
      lines.push({ text: plain(e.text), size: 12, colour: "#616061" });
  if (block.type === "actions")
    lines.push({
      buttons: (block.elements as { text: { text: string }; style?: string }[]).map((e) => ({
        label: e.text.text,
        primary: e.style === "primary",
      })),
    });
}

const height = PAD * 2 + 60 + lines.reduce((h, l) => h + ("buttons" in l ? 52 : l.size + 9), 0);
const canvas = createCanvas(WIDTH, height);
const ctx = canvas.getContext("2d");
ctx.fillStyle = "#ffffff";
ctx.fillRect(0, 0, WIDTH, height);
// The app's avatar and name, as Slack shows a bot message.
ctx.fillStyle = "#1d3557";
roundRect(ctx, PAD, PAD, 40, 40, 6);
ctx.fill();
ctx.fillStyle = "#ffffff";
ctx.font = `bold 18px "${font}"`;
ctx.fillText("$", PAD + 14, PAD + 27);
ctx.fillStyle = "#1d1c1d";
ctx.font = `bold 15px "${font}"`;
ctx.fillText("balance-bot", PAD + 52, PAD + 15);
ctx.fillStyle = "#616061";
ctx.font = `12px "${font}"`;
ctx.fillText("APP  ·  #finance", PAD + 150 + 12, PAD + 15);
let y = PAD + 44;
const x = PAD + 52;
for (const line of lines) {
  if ("buttons" in line) {
    let bx = x;
    y += 10;
    for (const b of line.buttons) {
      ctx.font = `bold 14px "${font}"`;
      const w = ctx.measureText(b.label).width + 28;
      ctx.fillStyle = b.primary ? "#007a5a" : "#ffffff";
      ctx.strokeStyle = b.primary ? "#007a5a" : "#c7c7c7";
      roundRect(ctx, bx, y, w, 32, 5);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = b.primary ? "#ffffff" : "#1d1c1d";
      ctx.fillText(b.label, bx + 14, y + 21);
      bx += w + 8;
    }
    y += 42;
    continue;
  }
  y += line.size + 9;
  ctx.fillStyle = line.colour;
  ctx.font = `${line.bold ? "bold " : ""}${line.size}px "${line.mono ? "DejaVu Sans Mono" : font}"`;
  ctx.fillText(line.text.slice(0, 95), x, y);
}
writeFileSync(join(import.meta.dirname, "buttons-digest.png"), canvas.toBuffer("image/png"));
console.log(`wrote docs/buttons-digest.png (${WIDTH}×${height})`);

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function roundRect(c: SKRSContext2D, rx: number, ry: number, w: number, h: number, r: number): void {
  c.beginPath();
  c.moveTo(rx + r, ry);
  c.arcTo(rx + w, ry, rx + w, ry + h, r);
  c.arcTo(rx + w, ry + h, rx, ry + h, r);
  c.arcTo(rx, ry + h, rx, ry, r);
  c.arcTo(rx, ry, rx + w, ry, r);
  c.closePath();
}
