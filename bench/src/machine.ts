import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";

export interface MachineInfo {
  node: string;
  v8: string;
  cpuModel: string;
  cores: number;
  memoryGB: number;
  os: string;
  loadavgAtStart: number[];
}

/** CPU model as /proc/cpuinfo names it (else what `os.cpus()` says). */
function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]!.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

export function machineInfo(): MachineInfo {
  return {
    node: process.version,
    v8: process.versions.v8,
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${process.platform} ${release()}`,
    loadavgAtStart: loadavg(),
  };
}
