import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the bin, without types
import { compiledEntry } from "../../bin/compiled.mjs";

// The bin runs dist/ only while it is at least as new as every source: an edit is never run stale.
const entry = compiledEntry as (file: string, root?: string) => URL | undefined;
let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(builtAt: Date, sourceAt: Date): string {
  root = `${mkdtempSync(join(tmpdir(), "bb-compiled-"))}/`;
  mkdirSync(`${root}src/cli`, { recursive: true });
  mkdirSync(`${root}dist/src/cli`, { recursive: true });
  writeFileSync(`${root}src/cli/main.ts`, "");
  utimesSync(`${root}src/cli/main.ts`, sourceAt, sourceAt);
  writeFileSync(`${root}dist/src/cli/main.js`, "");
  writeFileSync(`${root}dist/.built`, "");
  utimesSync(`${root}dist/.built`, builtAt, builtAt);
  return root;
}

describe("which code the bin runs", () => {
  it("the build, when no source is newer", () => {
    const dir = project(new Date("2026-12-03T10:00:00Z"), new Date("2026-12-03T09:00:00Z"));
    expect(entry("src/cli/main.js", dir)?.href).toBe(`file://${dir}dist/src/cli/main.js`);
  });
  it("the sources, when one was saved after the build", () => {
    const dir = project(new Date("2026-12-03T10:00:00Z"), new Date("2026-12-03T10:00:01Z"));
    expect(entry("src/cli/main.js", dir)).toBeUndefined();
  });
  it("the sources, when there is no build", () => {
    const dir = project(new Date("2026-12-03T10:00:00Z"), new Date("2026-12-03T09:00:00Z"));
    rmSync(`${dir}dist/.built`);
    expect(entry("src/cli/main.js", dir)).toBeUndefined();
  });
});
