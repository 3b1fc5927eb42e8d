/**
 * This process and the Chromium it started, as Linux's /proc shows them: each one's kind (this
 * Node process, Chromium's browser process, a renderer, the network service, ...), its CPU time and
 * its resident memory. For the realistic-evidence benchmark: what an import costs each process,
 * next to what the baseline costs, shows where the floor is on a machine of two cores.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second of /proc/<pid>/stat's CPU times (getconf CLK_TCK: 100 on Linux). */
const TICKS = 100;

interface ProcStat {
  pid: number;
  parent: number;
  /** utime + stime, in ticks. */
  cpu: number;
}

function stat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, parent: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // gone meanwhile
  }
}

function kindOf(pid: number): string {
  if (pid === process.pid) return 'node';
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(command)?.[1];
    if (!type) return 'browser';
    if (type === 'utility') return /NetworkService/.test(command) ? 'network' : 'utility';
    return type === 'gpu-process' ? 'gpu' : type;
  } catch {
    return 'gone';
  }
}

/** This process and every process below it. */
function family(): ProcStat[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => stat(Number(d))).filter((s): s is ProcStat => s !== null);
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      if (!ours.has(s.pid) && ours.has(s.parent)) {
        ours.add(s.pid);
        grew = true;
      }
    }
  }
  return all.filter((s) => ours.has(s.pid));
}

/** CPU ticks so far, by process id. */
export type CpuMark = Map<number, { kind: string; cpu: number }>;

export function cpuMark(): CpuMark {
  return new Map(family().map((s) => [s.pid, { kind: kindOf(s.pid), cpu: s.cpu }]));
}

/** CPU seconds each kind of process spent since `before` (processes that ended meanwhile are not counted). */
export function cpuSince(before: CpuMark): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [pid, now] of cpuMark()) {
    const ticks = now.cpu - (before.get(pid)?.cpu ?? 0);
    if (ticks > 0) spent[now.kind] = (spent[now.kind] ?? 0) + ticks / TICKS;
  }
  return spent;
}

/** "node 7.1 s, browser 5.4 s, ..." (largest first), and the total. */
export function cpuWords(spent: Record<string, number>): string {
  const total = Object.values(spent).reduce((a, b) => a + b, 0);
  const parts = Object.entries(spent)
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, s]) => `${kind} ${s.toFixed(1)}`);
  return `${total.toFixed(1)} CPU-s (${parts.join(', ')})`;
}

/** Chromium's browser process (the one without a --type), or null. */
export function browserProcess(): number | null {
  for (const s of family()) if (s.pid !== process.pid && kindOf(s.pid) === 'browser') return s.pid;
  return null;
}

/** A process's resident memory in bytes (0 when it is gone). */
export function rssOf(pid: number | null): number {
  if (pid === null) return 0;
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
