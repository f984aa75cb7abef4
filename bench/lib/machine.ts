import { cpus, release, totalmem, type } from "node:os";

/** The machine a run was measured on, as written to latest.json. */
export interface MachineInfo {
  cpus: number;
  model: string;
  memGiB: number;
  node: string;
  os: string;
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
