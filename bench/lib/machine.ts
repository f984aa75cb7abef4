import { cpus, loadavg, release, totalmem, type } from "node:os";

/** The machine a run was measured on, as written to latest.json. */
export interface MachineInfo {
  cpus: number;
  model: string;
  memGiB: number;
  node: string;
  os: string;
  /** 1-minute load average at the start and at the end of the run: the machine may be shared. */
  load?: { start: number; end: number };
}

/** The 1-minute load average now, rounded to 0.01. */
export function loadNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? "unknown",
    memGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
  };
}
