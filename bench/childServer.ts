import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** The trained language model, cached across bench runs so a server starts in a couple of seconds. */
export const BENCH_NLU_CACHE = path.join(os.tmpdir(), 'shopmate-bench-nlu-cache');

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** Resident set size now, and the peak so far (VmHWM), in MB; undefined where /proc is absent. */
  rssMb(): { now: number; peak: number } | undefined;
  /** CPU time used so far (user + system), in ms; undefined where /proc is absent. */
  cpuMs(): number | undefined;
  /** Sends the signal and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port nobody listens on right now (the server is then started on it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts an entry (relative to the repository root; TypeScript through tsx, JavaScript as it is) as a
 * child process on 127.0.0.1 and resolves once GET /healthz answers 200, whatever the log level. `nodeArgs` go to node itself
 * (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
 */
export async function startChildServer(
  entry: string,
  env: Record<string, string>,
  { timeoutMs = 90_000, nodeArgs = [] }: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const loader = entry.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, '--no-deprecation', entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MicrosoftAppId: '', NLU_CACHE_DIR: BENCH_NLU_CACHE, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output += d;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${entry} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    if (await healthy(url)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not answer /healthz in ${timeoutMs} ms:\n${output}`);
    }
    await sleep(50);
  }
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    rssMb: () => readRss(child.pid!),
    cpuMs: () => readCpuMs(child.pid!),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function readRss(pid: number): { now: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
    const now = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isFinite(now) ? { now: Math.round(now / 1024), peak: Math.round(peak / 1024) } : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function readCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Copies a database file (and its WAL, if any) so a server can write to its own copy. */
export function copyDatabase(from: string, dir: string): string {
  const to = path.join(dir, 'shop.db');
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`); // committed pages not yet checkpointed
  return to;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
