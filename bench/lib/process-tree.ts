import { readdirSync, readFileSync } from "node:fs";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** The pids of `root` and all its descendants now (from /proc/<pid>/stat parent ids). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // pid (comm) state ppid …; comm may contain spaces and parentheses: split after the last ")".
    const ppid = Number(stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** VmRSS of one process in MiB (0 when it has ended). */
export function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(read(`/proc/${pid}/status`) ?? "")?.[1] ?? 0);
  return kb / 1024;
}

/** The sum of VmRSS over a process tree, in MiB (shared pages count in each process, as `ps` shows them). */
export function treeRssMiB(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssMiB(pid), 0);
}

/** The deepest pid in `root`'s tree whose command line contains `text` (the node under `sh -c`). */
export function findInTree(root: number, text: string): number | undefined {
  return processTree(root).findLast((pid) => (read(`/proc/${pid}/cmdline`) ?? "").includes(text));
}

/** Samples the tree's RSS every `everyMs` until stopped; `peak()` is the highest sum seen. */
export function watchPeak(root: number, everyMs = 100): { peak(): number; stop(): void } {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, treeRssMiB(root));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
