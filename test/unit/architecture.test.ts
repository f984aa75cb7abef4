import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";

import { buildImportGraph, forbiddenChains, importCycles } from "../support/import-graph.ts";

/**
 * DESIGN §2: dependencies point inward. Every "never" there is checked along import chains,
 * transitively (a command that imports a helper that imports a provider reaches the provider),
 * type-only and dynamic imports included. A failure prints the chain to cut.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const graph = buildImportGraph(ROOT, ["src", "commands"]);

const under =
  (...dirs: string[]) =>
  (node: string) =>
    dirs.some((d) => node.startsWith(`${d}/`));
const sdk = (node: string) => /^(@slack\/|discord\.js|@discordjs\/)/.test(node);
const chat = (node: string) => sdk(node) || node.startsWith("src/adapters/");
/**
 * The provider port is the shared vocabulary (record shapes, FinanceProvider, TokenStore): types
 * only, asserted below. Storage keeps what providers return, so reaching it is not calling a provider.
 */
const PORT = "src/providers/port.ts";
const provider = (node: string) => node.startsWith("src/providers/") && node !== PORT;

describe("architecture: dependencies point inward (DESIGN §2), followed transitively", () => {
  it("the scan sees the project's imports (a broken scanner would pass every rule)", () => {
    expect(graph.files.length).toBeGreaterThan(200);
    expect(graph.edges.get("src/cli/app.ts")).toContain("src/storage/database.ts");
    expect(graph.edges.get("src/adapters/discord/index.ts")).toContain("discord.js");
    expect(forbiddenChains(graph, (f) => f === "src/cli/serve.ts", under("src/adapters"))).not.toEqual([]);
  });

  it("the core and the commands never reach an adapter or a platform SDK", () => {
    expect(forbiddenChains(graph, under("src/core", "commands"), chat)).toEqual([]);
  });

  it("commands never reach a provider: they read Postgres only, never the shop API while a user waits", () => {
    expect(forbiddenChains(graph, under("commands"), provider)).toEqual([]);
  });

  it("the provider port holds types only, so reaching it runs no provider code", () => {
    const text = readFileSync(join(ROOT, PORT), "utf8");
    expect(graph.edges.get(PORT)?.size ?? 0).toBe(0);
    expect(text.match(/^export (?!interface|type)\S+ \S+/gm) ?? []).toEqual([]);
  });

  it("providers never reach storage, an adapter or a platform SDK", () => {
    expect(
      forbiddenChains(graph, under("src/providers"), (n) => n.startsWith("src/storage/") || chat(n)),
    ).toEqual([]);
  });

  it("alerts, digests and the outbox never reach an adapter: they produce views for a platform's port", () => {
    expect(forbiddenChains(graph, under("src/alerts", "src/digests", "src/delivery"), chat)).toEqual([]);
  });

  it("adapters never compute money: no adapter imports money or storage itself, figures arrive formatted in the Reply", () => {
    // Direct imports only: adapters → core → storage is the inward flow DESIGN §2 allows.
    const direct = graph.files
      .filter(under("src/adapters"))
      .flatMap((f) => [...(graph.edges.get(f) ?? [])].map((to) => `${f} → ${to}`))
      .filter((edge) => / → src\/(money|storage)\//.test(edge));
    expect(direct).toEqual([]);
  });

  it("sync never reaches connect/ (connect builds on sync, not the other way round)", () => {
    expect(forbiddenChains(graph, under("src/sync"), under("src/connect"))).toEqual([]);
  });

  it("only the composition root (src/cli) imports src/cli, and it has no import cycle", () => {
    expect(forbiddenChains(graph, (f) => !f.startsWith("src/cli/"), under("src/cli"))).toEqual([]);
    expect(importCycles(graph).filter((c) => c.startsWith("src/cli/"))).toEqual([]);
  });

  it("commands never ask which platform they run on: adapters hand over files and syntax", () => {
    const asking = graph.files
      .filter(under("commands"))
      .filter((f) =>
        /platform\s*[!=]==|[!=]==\s*["'](slack|discord|console)["']/.test(
          readFileSync(join(ROOT, f), "utf8"),
        ),
      );
    expect(asking).toEqual([]);
  });

  it("importing the CLI runs nothing: the bin calls it", () => {
    const main = readFileSync(join(ROOT, "src/cli/main.ts"), "utf8");
    expect(main.match(/^\S*main\(/gm) ?? []).toEqual([]);
    expect(readFileSync(join(ROOT, "bin/balance-bot.mjs"), "utf8")).toMatch(/runMain\(/);
  });

  it("only src/config.ts reads process.env", () => {
    const readers = ["src", "commands"].flatMap((dir) => {
      const found: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const path = join(d, name);
          if (statSync(path).isDirectory()) walk(path);
          else if (name.endsWith(".ts") && readFileSync(path, "utf8").includes("process.env"))
            found.push(relative(ROOT, path));
        }
      };
      walk(join(ROOT, dir));
      return found;
    });
    expect(readers).toEqual(["src/config.ts"]);
  });

  it("command names are unique and descriptions fit Discord's 100 characters", () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) expect(c.description.length, c.name).toBeLessThanOrEqual(100);
  });
});
