/**
 * CPU time of Chromium's processes and threads, read from Linux's /proc, so the benchmark
 * can say where each document's cost goes independently of how busy the machine is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

export type CpuSnapshot = Map<string, number>;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
}

function parseStat(stat: string): { comm: string; ppid: number; ticks: number } {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const rest = stat.slice(close + 2).split(' ');
  // After the name: state ppid ... utime is field 14 and stime 15 of the whole line.
  return {
    comm: stat.slice(open + 1, close),
    ppid: Number(rest[1]),
    ticks: Number(rest[11]) + Number(rest[12]),
  };
}

function processKind(pid: number): string {
  // Chromium rewrites its command line (the process title), so it may be one string.
  const args = read(`/proc/${pid}/cmdline`) ?? '';
  const type = /--type=([^\s\0]+)/.exec(args)?.[1];
  if (!type) return 'browser';
  const sub = /--utility-sub-type=([^\s\0]+)/.exec(args)?.[1];
  return sub ? `${type}(${sub.split('.').pop()})` : type;
}

export const cpuAccountingAvailable = existsSync('/proc/self/task');

/** Every Chromium process started below this one, with its kind (browser, renderer, gpu…). */
export function chromiumProcesses(): { pid: number; kind: string }[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const { comm, ppid } = parseStat(stat);
    parents.set(Number(entry), ppid);
    names.set(Number(entry), comm);
  }
  const below = (pid: number) => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === process.pid) return true;
    }
    return false;
  };
  return [...names]
    .filter(([pid, comm]) => /chrom/i.test(comm) && below(pid))
    .map(([pid]) => ({ pid, kind: processKind(pid) }));
}

/** CPU ms so far of every thread of every Chromium process below this one, by
 * "process kind / thread name" (numbers in thread names merged). */
export function snapshotCpu(): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  if (!cpuAccountingAvailable) return out;
  for (const { pid, kind } of chromiumProcesses()) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process ended meanwhile
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const { comm: thread, ticks } = parseStat(stat);
      const key = `${kind} / ${thread.replace(/\d+/g, '#')}`;
      out.set(key, (out.get(key) ?? 0) + ticks * TICK_MS);
    }
  }
  return out;
}

/** Resident memory (RSS) in bytes of Chromium's renderer processes below this one, summed:
 * a page's and its workers' memory together. */
export function rendererRssBytes(): number {
  let sum = 0;
  for (const { pid, kind } of chromiumProcesses()) {
    if (kind !== 'renderer') continue;
    const kb = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
    sum += Number(kb ?? 0) * 1024;
  }
  return sum;
}

/** CPU ms spent between two snapshots, largest first. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): [string, number][] {
  return [...after]
    .map(([key, ms]): [string, number] => [key, ms - (before.get(key) ?? 0)])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}

/** CPU ms of this process's finished (waited-for) child processes. */
export function childrenCpuMs(): number {
  const stat = read('/proc/self/stat');
  if (!stat) return 0;
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line.
  return (Number(rest[13]) + Number(rest[14])) * TICK_MS;
}

/**
 * CPU ms spent by Chromium's processes below this one from now until `stop`, processes that
 * end meanwhile included (each process is read every `everyMs` and counted to its last read).
 */
export function sampleChromiumCpu(everyMs = 100): () => number {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = () => {
    for (const { pid } of chromiumProcesses()) {
      const stat = read(`/proc/${pid}/stat`);
      if (!stat) continue;
      const { ticks } = parseStat(stat);
      if (!first.has(pid)) first.set(pid, started ? 0 : ticks * TICK_MS);
      last.set(pid, ticks * TICK_MS);
    }
  };
  let started = false;
  sample();
  started = true;
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    sample();
    let sum = 0;
    for (const [pid, ms] of last) sum += ms - (first.get(pid) ?? 0);
    return sum;
  };
}
