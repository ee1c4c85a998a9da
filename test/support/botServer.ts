import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = path.resolve(__dirname, '../..');
export const SHARED_NLU_CACHE = path.join(os.tmpdir(), 'shopmate-test-nlu-cache');

export interface RunningBot {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real server as a child process on 127.0.0.1 and an ephemeral port: from source
 * (src/index.ts through tsx), or `bundled` exactly as `npm start` runs it (bin/start.js: dist/).
 */
export async function startBot(env: Record<string, string>, { timeoutMs = 60_000, bundled = false } = {}): Promise<RunningBot> {
  const args = bundled ? ['bin/start.js'] : ['--require', 'tsx/cjs', 'src/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', MicrosoftAppId: '', NLU_CACHE_DIR: SHARED_NLU_CACHE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const m = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function tempDir(prefix = 'shopmate-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Received {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, any>;
}

/** A stand-in for a channel's connector service: collects what the bot sends back, as the Emulator does. */
export async function startCallbackServer() {
  const received: Received[] = [];
  const waiters: { predicate: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  let nextId = 1;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const m = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
      if (req.method === 'POST' && m) {
        const r: Received = { conversationId: decodeURIComponent(m[1]), replyToId: m[2] && decodeURIComponent(m[2]), activity: JSON.parse(body) };
        received.push(r);
        for (const w of [...waiters]) if (w.predicate(r)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(r);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${nextId++}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Resolves with the first activity (already received or future) matching the predicate. */
    waitFor(predicate: (r: Received) => boolean, timeoutMs = 10_000): Promise<Received> {
      const hit = received.find(predicate);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching reply in ${timeoutMs} ms; got ${JSON.stringify(received.map((r) => r.activity.text))}`)), timeoutMs);
        waiters.push({ predicate, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let activityCounter = 0;

/** Builds an activity as the Emulator sends it. */
export function activity(serviceUrl: string, conversationId: string, fields: Record<string, unknown>) {
  return {
    id: `act-${++activityCounter}`,
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'bot', name: 'Bot', role: 'bot' },
    ...fields,
  };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}
