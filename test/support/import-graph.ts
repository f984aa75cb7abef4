import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The static import graph of the project's own sources: every `import … from`, `export … from`,
 * side-effect `import "…"` and dynamic `import("…")`, type-only imports included (a type is a
 * dependency too). Relative specifiers are resolved to files (keyed by their path from the
 * root); package specifiers are kept as they are written, e.g. "discord.js", "@slack/bolt".
 */
export interface ImportGraph {
  /** file → the files and packages it imports directly. */
  edges: Map<string, Set<string>>;
  /** Every source file scanned, relative to the root. */
  files: string[];
}

const SPECIFIER =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith(".test.ts")) out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out;
}

/** Strips comments so an import shown in a doc comment is not taken for one. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export function importsIn(text: string): string[] {
  return [...withoutComments(text).matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

export function buildImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((d) => sourceFiles(root, d));
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of importsIn(readFileSync(join(root, file), "utf8"))) {
      if (spec.startsWith(".")) {
        const target = resolve(root, dirname(file), spec);
        const path = existsSync(target)
          ? target
          : [".ts", "/index.ts"].map((e) => target + e).find(existsSync);
        targets.add(relative(root, path ?? target));
      } else if (!spec.startsWith("node:")) targets.add(spec);
    }
    edges.set(file, targets);
  }
  return { edges, files };
}

/**
 * For each file matching `from`, the shortest import chain (file → … → target) that reaches a
 * node matching `to`, following imports transitively; [] when none does.
 */
export function forbiddenChains(
  graph: ImportGraph,
  from: (file: string) => boolean,
  to: (node: string) => boolean,
): string[] {
  const chains: string[] = [];
  for (const start of graph.files.filter(from)) {
    const previous = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    let hit: string | undefined;
    while (queue.length > 0 && !hit) {
      const node = queue.shift()!;
      for (const next of graph.edges.get(node) ?? []) {
        if (previous.has(next)) continue;
        previous.set(next, node);
        if (to(next)) {
          hit = next;
          break;
        }
        queue.push(next);
      }
    }
    if (!hit) continue;
    const chain: string[] = [];
    for (let n: string | null | undefined = hit; n; n = previous.get(n)) chain.unshift(n);
    chains.push(chain.join(" → "));
  }
  return chains;
}

/** Import cycles between files, each reported once as a → b → … → a. */
export function importCycles(graph: ImportGraph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.edges.get(node) ?? []) {
      if (!graph.edges.has(next)) continue;
      const s = state.get(next);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!s) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const file of graph.files) if (!state.has(file)) visit(file);
  return cycles;
}
