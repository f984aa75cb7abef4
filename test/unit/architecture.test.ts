import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";

/** DESIGN §2: dependencies point inward. This scans the imports so the boundaries can't erode. */
const ROOT = resolve(import.meta.dirname, "../..");

function importsOf(dir: string): { file: string; spec: string }[] {
  const out: { file: string; spec: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) {
        for (const [, spec] of readFileSync(path, "utf8").matchAll(/(?:from |import\()\s*"([^"]+)"/g)) {
          out.push({ file: relative(ROOT, path), spec: spec! });
        }
      }
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const violations = (dir: string, forbidden: RegExp) =>
  importsOf(dir)
    .filter((i) => forbidden.test(i.spec))
    .map((i) => `${i.file} imports ${i.spec}`);

describe("architecture", () => {
  it("the core and the commands never import a platform SDK or an adapter", () => {
    const sdk = /^(@slack\/|discord\.js|@discordjs\/)|\/adapters\//;
    expect([...violations("src/core", sdk), ...violations("commands", sdk)]).toEqual([]);
  });

  it("commands read Postgres only: they never call a provider (the shop API) while a user waits", () => {
    expect(violations("commands", /\/providers\//)).toEqual([]);
  });

  it("providers never touch storage or chat", () => {
    expect(violations("src/providers", /\/storage\/|\/adapters\/|^(@slack\/|discord\.js)/)).toEqual([]);
  });

  it("alerts and digests produce views; delivery hands them to adapters", () => {
    const chat = /\/adapters\/|^(@slack\/|discord\.js)/;
    expect([...violations("src/alerts", chat), ...violations("src/digests", chat)]).toEqual([]);
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
