/**
 * Runs a command and measures its wall time and peak memory (GNU time's
 * maximum resident set size), so contractkit and a peer tool are measured the
 * same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One measured run. */
export interface Measurement {
  wallMs: number;
  peakRssMb: number | undefined;
  exitCode: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `cmd args` in `cwd` once, with stdout discarded. */
export function measure(cmd: string, args: string[], cwd: string): Measurement {
  const useTime = existsSync(GNU_TIME);
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(GNU_TIME, ['-f', '__PEAK_KB__=%M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const m = /__PEAK_KB__=(\d+)/.exec(r.stderr ?? '');
  return { wallMs, peakRssMb: m ? Number(m[1]) / 1024 : undefined, exitCode: r.status };
}

/** Median of the wall times and the largest peak memory of `runs` runs. */
export function measureRepeated(cmd: string, args: string[], cwd: string, runs: number): Measurement {
  const all = Array.from({ length: runs }, () => measure(cmd, args, cwd));
  const walls = all.map((m) => m.wallMs).sort((a, b) => a - b);
  const peaks = all.map((m) => m.peakRssMb ?? 0);
  return { wallMs: walls[Math.floor(walls.length / 2)]!, peakRssMb: Math.max(...peaks) || undefined, exitCode: all[0]!.exitCode };
}
