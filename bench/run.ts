/**
 * `npm run bench [-- --saturation-s 20 --paced-s 30 …]`: load on the real server over the real
 * protocol, a bare echo bot on the same stack as the yardstick, and in-process micro-benchmarks.
 * Progress on stderr; a table on stdout; the last line is the `bench` JSON object of DESIGN.md.
 * Every flag can also be given as an environment variable: --paced-s → BENCH_PACED_S.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/engine/db';
import { CallbackChannel } from './channel';
import { BENCH_NLU_CACHE, copyDatabase, startChildServer, type ChildServer } from './childServer';
import { pace, saturate, TURNS_PER_CONVERSATION, type LoadResult, type Target } from './load';
import { runMicro, type MicroResult } from './micro';

const OPTIONS = {
  db: { default: fs.existsSync('/tmp/shopmate/demo.db') ? '/tmp/shopmate/demo.db' : 'data/shop.db' },
  conversations: { default: '50' },
  'saturation-s': { default: '20' },
  'warmup-s': { default: '5' },
  'paced-conversations': { default: '200' },
  'think-ms': { default: '1000' },
  'paced-s': { default: '30' },
  'micro-customers': { default: '500' },
  'skip-micro': { default: 'false' },
  /**
   * Arguments for both servers' node (ours and the echo bot), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
   * The default is what `npm start` uses: a larger young generation, about 20% less CPU per turn.
   */
  'node-args': { default: '--max-semi-space-size=32' },
} as const;
type Option = keyof typeof OPTIONS;

function readOptions(): Record<Option, string> {
  const { values } = parseArgs({ options: Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' as const }])), strict: true });
  const env = (k: string) => process.env[`BENCH_${k.toUpperCase().replace(/-/g, '_')}`];
  return Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, (values[k] as string | undefined) ?? env(k) ?? o.default])) as Record<Option, string>;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
const num = (s: string, name: string) => {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${s}`);
  return n;
};

async function main(): Promise<void> {
  const o = readOptions();
  const loadavg = os.loadavg()[0];
  const nodeArgs = o['node-args'].split(' ').filter(Boolean);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-bench-'));
  const channel = await CallbackChannel.start();
  const servers: ChildServer[] = [];
  try {
    const dbFile = fs.existsSync(o.db) ? copyDatabase(o.db, dir) : path.join(dir, 'shop.db');
    if (!fs.existsSync(o.db)) log(`${o.db} not found: the server builds the demo store first (a minute or two)`);
    log(`starting Shopmate on a copy of ${o.db}`);
    // Ours as `npm start` runs it: the esbuild bundle in dist/ (bin/start.js builds it when src/ changed).
    const ours = await startChildServer('bin/start.js', { DB_PATH: dbFile, LOG_LEVEL: 'warn' }, { timeoutMs: 300_000, nodeArgs });
    servers.push(ours);
    const target: Target = { url: ours.url, channel, fallbackProductId: anyProduct(dbFile) };
    const shopmate = await measureShopmate(o, target, ours);
    await ours.stop();

    log('starting the echo bot');
    const echo = await startChildServer('bench/echoBot.ts', {}, { nodeArgs });
    servers.push(echo);
    const echoTarget: Target = { ...target, url: echo.url };
    await saturate(echoTarget, { conversations: 10, warmupMs: 0, durationMs: 2000, prefix: 'echo-warm' });
    log(`echo saturation: ${o.conversations} conversations, ${o['saturation-s']} s`);
    const echoSat = await saturate(echoTarget, { ...saturation(o), prefix: 'echo', cpuProbe: () => echo.cpuMs() });
    await echo.stop();

    let micro: MicroResult[] = [];
    if (o['skip-micro'] !== 'true') {
      log('micro-benchmarks');
      micro = runMicro(dbFile, BENCH_NLU_CACHE, { customers: num(o['micro-customers'], 'micro-customers') });
    }
    printReport({ ...shopmate, echoSat, micro, callbacks: channel.counts, loadavg });
  } finally {
    for (const s of servers) await s.stop('SIGKILL');
    await channel.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const saturation = (o: Record<Option, string>) => ({ conversations: num(o.conversations, 'conversations'), warmupMs: 2000, durationMs: num(o['saturation-s'], 'saturation-s') * 1000 });

/** Warm-up, then paced (with its peak RSS), then saturation, on one server process. */
async function measureShopmate(o: Record<Option, string>, target: Target, ours: ChildServer) {
  log(`warming up for ${o['warmup-s']} s`);
  await saturate(target, { conversations: 10, warmupMs: 0, durationMs: num(o['warmup-s'], 'warmup-s') * 1000, prefix: 'warm' });

  log(`paced: ${o['paced-conversations']} conversations, think ${o['think-ms']} ms, ${o['paced-s']} s`);
  let rssMax = 0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, ours.rssMb()?.now ?? 0)), 200);
  const paced = await pace(target, {
    conversations: num(o['paced-conversations'], 'paced-conversations'),
    thinkMs: num(o['think-ms'], 'think-ms'),
    rampMs: num(o['think-ms'], 'think-ms') * 2,
    durationMs: num(o['paced-s'], 'paced-s') * 1000,
    prefix: 'paced',
    cpuProbe: () => ours.cpuMs(),
  });
  clearInterval(sampler);
  const rss = { pacedMax: rssMax, peakSoFar: ours.rssMb()?.peak ?? rssMax };

  log(`saturation: ${o.conversations} conversations, ${o['saturation-s']} s`);
  const sat = await saturate(target, { ...saturation(o), prefix: 'sat', cpuProbe: () => ours.cpuMs() });
  return { paced, sat, rss, lifetimePeak: ours.rssMb()?.peak };
}

/** A product that is on sale and in stock: added when a script's search shows no card. */
function anyProduct(dbFile: string): number {
  if (!fs.existsSync(dbFile)) return 1;
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const row = db.prepare('SELECT id FROM products WHERE active = 1 AND stock > 0 ORDER BY id LIMIT 1').get() as { id: number } | undefined;
    return row?.id ?? 1;
  } finally {
    db.close();
  }
}

interface Report {
  paced: LoadResult;
  sat: LoadResult;
  echoSat: LoadResult;
  rss: { pacedMax: number; peakSoFar: number };
  lifetimePeak?: number;
  micro: MicroResult[];
  callbacks: Map<string, number>;
  loadavg: number;
}

function printReport(r: Report): void {
  const ratio = r.echoSat.turnsPerS > 0 ? Math.round((r.sat.turnsPerS / r.echoSat.turnsPerS) * 1000) / 1000 : 0;
  const kinds = (x: LoadResult) => (x.errors ? ` (${Object.entries(x.errorKinds).map(([k, n]) => `${k}: ${n}`).join(', ')})` : '');
  const row = (name: string, x: LoadResult) =>
    `${name.padEnd(22)} ${String(x.conversations).padStart(5)} ${String(x.turns).padStart(7)} ${x.turnsPerS.toFixed(1).padStart(9)} ${x.p50Ms.toFixed(1).padStart(8)} ${x.p95Ms.toFixed(1).padStart(8)} ${x.p99Ms.toFixed(1).padStart(8)} ${x.maxMs.toFixed(1).padStart(8)} ${(x.cpuMsPerTurn?.toFixed(2) ?? '?').padStart(11)} ${`${x.clientCpuPct}%`.padStart(10)} ${String(x.errors).padStart(6)}${kinds(x)}`;
  const lines = [
    `Load (each conversation: greeting, search, refine, recommend, add to cart = ${TURNS_PER_CONVERSATION} turns; latency = POST to first reply)`,
    `${'mode'.padEnd(22)} ${'convs'.padStart(5)} ${'turns'.padStart(7)} ${'turns/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'cpu ms/turn'.padStart(11)} ${'client cpu'.padStart(10)} ${'errors'.padStart(6)}`,
    row('shopmate paced', r.paced),
    row('shopmate saturation', r.sat),
    row('echo bot saturation', r.echoSat),
    ...[r.paced, r.sat, r.echoSat].flatMap((x) => x.errorExamples.map((e) => `  ${x.mode} error: ${e}`)),
    `throughput ratio shopmate / echo bot: ${ratio} (goal >= 0.7); paced p99 ${r.paced.p99Ms} ms (goal <= 50), errors ${r.paced.errors} (goal 0)`,
    `shopmate RSS: peak during paced ${r.rss.pacedMax} MB sampled, ${r.rss.peakSoFar} MB VmHWM after paced, ${r.lifetimePeak ?? '?'} MB VmHWM after saturation`,
    `callback activities received: ${[...r.callbacks].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `cpu ms/turn: the server's CPU time per turn; client cpu: the load generator's share of one core. Machine load average at the start: ${r.loadavg.toFixed(2)} (${os.cpus().length} cores)`,
    '',
    ...(r.micro.length ? ['Micro-benchmarks (in process, demo store copy)', `${'operation'.padEnd(24)} ${'calls'.padStart(6)} ${'p50 us'.padStart(8)} ${'p99 us'.padStart(8)} ${'max us'.padStart(8)}`] : []),
    ...r.micro.map((m) => `${m.name.padEnd(24)} ${String(m.calls).padStart(6)} ${String(m.p50Us).padStart(8)} ${String(m.p99Us).padStart(8)} ${String(m.maxUs).padStart(8)}`),
  ];
  for (const line of lines) process.stdout.write(`${line}\n`);
  const bench = {
    conversations: r.paced.conversations,
    turns: r.paced.turns,
    turns_per_s: r.sat.turnsPerS,
    echo_turns_per_s: r.echoSat.turnsPerS,
    ratio,
    p50_ms: r.paced.p50Ms,
    p95_ms: r.paced.p95Ms,
    p99_ms: r.paced.p99Ms,
    errors: r.paced.errors,
    rss_mb: r.rss.peakSoFar,
    paced_turns_per_s: r.paced.turnsPerS,
    saturation_conversations: r.sat.conversations,
    saturation_errors: r.sat.errors,
    server_cpu_ms_per_turn: r.sat.cpuMsPerTurn ?? null,
    echo_cpu_ms_per_turn: r.echoSat.cpuMsPerTurn ?? null,
    loadavg_1m: Math.round(r.loadavg * 100) / 100,
    error_examples: [...r.paced.errorExamples, ...r.sat.errorExamples, ...r.echoSat.errorExamples],
    micro: Object.fromEntries(r.micro.map((m) => [m.name.replace(/ /g, '_'), { p50_us: m.p50Us, p99_us: m.p99Us }])),
  };
  process.stdout.write(`${JSON.stringify(bench)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
