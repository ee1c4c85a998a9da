import { APOLOGY } from '../src/adapter';
import { SLOW_DOWN } from '../src/bot/turnRunner';
import { quantile } from '../src/engine/recommend/evaluate';
import { postJson, type CallbackChannel, type Reply } from './channel';
import { sleep } from './childServer';

/**
 * Realistic conversations: greeting, search, refine, recommend, then "add to cart" pressed on the
 * first product card of the refined search (a messageBack with the card's value, as Web Chat sends it).
 */
export const SCRIPTS: string[][] = [
  ['hi', 'show me red mugs under 10 pounds', 'in blue', 'recommend something'],
  ['hello', 'I need running shoes', 'in black', 'what would you recommend?'],
  ['good morning', 'looking for a yoga mat', 'in pink', 'recommend something'],
  ['hi', 'show me duvets', 'under 50 pounds', 'what do you recommend?'],
  ['hey there', 'I want a hoodie', 'in navy', 'recommend something'],
  ['hi', 'lipstick', 'cheaper', 'recommend something'],
];
export const TURNS_PER_CONVERSATION = 5;

export interface Target {
  /** Base URL of the bot (POST {url}/api/messages). */
  url: string;
  channel: CallbackChannel;
  /** Added when a script's search showed no card (the echo bot never shows one). */
  fallbackProductId: number;
  turnTimeoutMs?: number;
}

export interface TurnOutcome {
  startedAt: number;
  endedAt: number;
  /** From the POST to the first message reply. */
  latencyMs: number;
  error?: string;
  replies: Reply[];
  /** What was sent (the text), for error reports. */
  sent: string;
}

let sequence = 0;

/** Sends one message as the Emulator would and waits for the turn to finish (the POST's answer). */
export async function sendTurn(target: Target, conversationId: string, userId: string, fields: Record<string, unknown>): Promise<TurnOutcome> {
  const activity = {
    type: 'message',
    id: `bench-${++sequence}`,
    channelId: 'emulator',
    serviceUrl: target.channel.url,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: userId, name: 'Shopper', role: 'user' },
    recipient: { id: 'bot', name: 'Bot', role: 'bot' },
    locale: 'en-GB',
    ...fields,
  };
  const waiting = target.channel.listen(conversationId);
  const startedAt = performance.now();
  let error: string | undefined;
  try {
    const res = await postJson(`${target.url}/api/messages`, activity, target.turnTimeoutMs ?? 30_000);
    if (res.status !== 200) error = `http ${res.status}`;
  } catch (e) {
    error = `network: ${(e as Error).message}`;
  }
  const first = error ? undefined : await target.channel.firstMessage(waiting, target.turnTimeoutMs ?? 30_000);
  const endedAt = performance.now();
  target.channel.forget(conversationId);
  if (!error && !first) error = 'no reply';
  const text = String(first?.activity.text ?? '');
  if (text === APOLOGY) error = 'apology (error in turn)';
  if (text === SLOW_DOWN) error = 'rate limited';
  const sent = `${conversationId}: ${String(fields.text ?? '')}`;
  return { startedAt, endedAt, latencyMs: first ? first.at - startedAt : endedAt - startedAt, error, replies: waiting.replies, sent };
}

/** The product ids behind the "Add to cart" buttons of the replies, in order. */
export function cardProducts(replies: Reply[]): number[] {
  const ids: number[] = [];
  for (const r of replies)
    for (const a of r.activity.attachments ?? [])
      for (const b of a.content?.buttons ?? []) if (b.value?.action === 'add_to_cart') ids.push(Number(b.value.productId));
  return ids;
}

/** Plays one script as one new conversation; `before` runs ahead of every turn (think time, stop checks). */
export async function playScript(
  target: Target,
  conversationId: string,
  script: string[],
  onTurn: (t: TurnOutcome) => void,
  before: () => Promise<boolean> = async () => true,
): Promise<void> {
  const userId = `${conversationId}-user`;
  let product: number | undefined;
  for (const text of script) {
    if (!(await before())) return;
    const t = await sendTurn(target, conversationId, userId, { text });
    product = cardProducts(t.replies)[0] ?? product;
    onTurn(t);
  }
  if (!(await before())) return;
  onTurn(await sendTurn(target, conversationId, userId, { text: 'add to cart', value: { action: 'add_to_cart', productId: product ?? target.fallbackProductId } }));
}

export interface LoadResult {
  mode: 'saturation' | 'paced';
  conversations: number;
  seconds: number;
  turns: number;
  turnsPerS: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** Up to five failed turns: what was sent and what went wrong. */
  errorExamples: string[];
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The server's CPU time per successful turn in the window, when a probe was given. */
  cpuMsPerTurn?: number;
  /** This process's (the load generator's and callback server's) CPU use in the window, % of one core. */
  clientCpuPct: number;
}

/** CPU ms used in the window: by the server (through `probe`, e.g. /proc) and by this process. */
function probeWindow(from: number, until: number, probe: () => number | undefined = () => undefined): () => { server?: number; client: number } {
  const ownMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let start: { server?: number; client: number } | undefined;
  let end: { server?: number; client: number } | undefined;
  setTimeout(() => (start = { server: probe(), client: ownMs() }), Math.max(0, from - performance.now()));
  setTimeout(() => (end = { server: probe(), client: ownMs() }), Math.max(0, until - performance.now()));
  return () => ({
    server: start?.server !== undefined && end?.server !== undefined ? end.server - start.server : undefined,
    client: start && end ? end.client - start.client : 0,
  });
}

function summarise(mode: LoadResult['mode'], conversations: number, seconds: number, turns: TurnOutcome[], cpu: { server?: number; client: number }): LoadResult {
  const latencies = turns.filter((t) => !t.error).map((t) => t.latencyMs);
  const errorKinds: Record<string, number> = {};
  for (const t of turns) if (t.error) errorKinds[t.error] = (errorKinds[t.error] ?? 0) + 1;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    mode,
    conversations,
    seconds: r(seconds),
    turns: turns.length,
    turnsPerS: r(latencies.length / seconds),
    errors: turns.length - latencies.length,
    errorKinds,
    errorExamples: turns.filter((t) => t.error).slice(0, 5).map((t) => `${t.error} after ${Math.round(t.endedAt - t.startedAt)} ms (${t.sent})`),
    p50Ms: r(quantile(latencies, 0.5)),
    p95Ms: r(quantile(latencies, 0.95)),
    p99Ms: r(quantile(latencies, 0.99)),
    maxMs: r(latencies.length ? Math.max(...latencies) : 0),
    clientCpuPct: Math.round(cpu.client / seconds / 10),
    ...(cpu.server !== undefined && latencies.length ? { cpuMsPerTurn: Math.round((cpu.server / latencies.length) * 100) / 100 } : {}),
  };
}

/**
 * Saturation: `conversations` users each send their next message as soon as the turn is done.
 * Turns finishing in the measured window (after `warmupMs`, for `durationMs`) count.
 */
export async function saturate(
  target: Target,
  opts: { conversations: number; warmupMs: number; durationMs: number; prefix: string; cpuProbe?: () => number | undefined },
): Promise<LoadResult> {
  const t0 = performance.now();
  const from = t0 + opts.warmupMs;
  const until = from + opts.durationMs;
  const cpu = probeWindow(from, until, opts.cpuProbe);
  const measured: TurnOutcome[] = [];
  const record = (t: TurnOutcome) => {
    if (t.endedAt >= from && t.endedAt <= until) measured.push(t);
  };
  const worker = async (w: number) => {
    for (let n = 0; performance.now() < until; n++) {
      await playScript(target, `${opts.prefix}-${w}-${n}`, SCRIPTS[(w + n) % SCRIPTS.length], record, async () => performance.now() < until);
    }
  };
  await Promise.all(Array.from({ length: opts.conversations }, (_, w) => worker(w)));
  return summarise('saturation', opts.conversations, opts.durationMs / 1000, measured, cpu());
}

/**
 * Paced: `conversations` users, each thinking about `thinkMs` (±20 %) between a reply and its next
 * message, started at random moments over the first think time. Turns started after `rampMs`
 * and before the end of the window are measured; the run then lets the last turns finish.
 */
export async function pace(
  target: Target,
  opts: { conversations: number; thinkMs: number; rampMs: number; durationMs: number; prefix: string; random?: () => number; cpuProbe?: () => number | undefined },
): Promise<LoadResult> {
  const random = opts.random ?? Math.random;
  const t0 = performance.now();
  const from = t0 + opts.rampMs;
  const until = from + opts.durationMs;
  const cpu = probeWindow(from, until, opts.cpuProbe);
  const measured: TurnOutcome[] = [];
  const record = (t: TurnOutcome) => {
    if (t.startedAt >= from && t.startedAt <= until) measured.push(t);
  };
  const think = async () => {
    await sleep(opts.thinkMs * (0.8 + 0.4 * random()));
    return performance.now() < until;
  };
  const worker = async (w: number) => {
    await sleep(random() * opts.thinkMs);
    for (let n = 0; performance.now() < until; n++) {
      await playScript(target, `${opts.prefix}-${w}-${n}`, SCRIPTS[(w + n) % SCRIPTS.length], record, think);
    }
  };
  await Promise.all(Array.from({ length: opts.conversations }, (_, w) => worker(w)));
  return summarise('paced', opts.conversations, opts.durationMs / 1000, measured, cpu());
}
