import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent back, with when it arrived (performance.now()). */
export interface Reply {
  at: number;
  activity: Record<string, any>;
}

interface Waiting {
  replies: Reply[];
  onMessage?: () => void;
}

/**
 * A stand-in for a channel's connector service, as the Emulator runs one: the bot POSTs its replies
 * to {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and gets an id back. Replies are
 * handed to whoever is waiting on that conversation; the rest are counted and dropped.
 */
export class CallbackChannel {
  private readonly waiting = new Map<string, Waiting>();
  private nextId = 1;
  /** Activities received, by type (message, trace, typing, …), for the report. */
  readonly counts = new Map<string, number>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CallbackChannel> {
    const server = http.createServer({ keepAliveTimeout: 60_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const channel = new CallbackChannel(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => channel.handle(req, res));
    return channel;
  }

  /** Starts collecting the replies of a conversation; call before posting its message. */
  listen(conversationId: string): Waiting {
    const w: Waiting = { replies: [] };
    this.waiting.set(conversationId, w);
    return w;
  }

  /** Resolves when the conversation has a message reply, or after `timeoutMs`. */
  firstMessage(w: Waiting, timeoutMs: number): Promise<Reply | undefined> {
    const found = () => w.replies.find((r) => r.activity.type === 'message');
    const hit = found();
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      w.onMessage = () => {
        clearTimeout(timer);
        resolve(found());
      };
    });
  }

  forget(conversationId: string): void {
    this.waiting.delete(conversationId);
  }

  close(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const at = performance.now();
      const m = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities/);
      if (req.method === 'POST' && m) {
        let activity: Record<string, any> = {};
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          activity = { type: 'unparseable' };
        }
        const type = String(activity.type);
        this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
        const w = this.waiting.get(decodeURIComponent(m[1]));
        if (w) {
          w.replies.push({ at, activity });
          if (type === 'message') w.onMessage?.();
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${this.nextId++}` }));
    });
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/**
 * POSTs a JSON body over a kept-alive connection; resolves with the status and the body text.
 * A request on a reused socket that the server had just closed as idle fails with ECONNRESET
 * before the server read it; like any HTTP client, it is sent once more on a fresh socket.
 */
export async function postJson(url: string, body: unknown, timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  try {
    return await postOnce(url, data, timeoutMs);
  } catch (e) {
    if ((e as { reusedSocket?: boolean }).reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET') return postOnce(url, data, timeoutMs);
    throw e;
  }
}

function postOnce(url: string, data: Buffer, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.end(data);
  });
}
