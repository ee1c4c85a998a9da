import { expect } from 'vitest';

/** A Direct Line v3 client over real HTTP, speaking as botframework-directlinejs does. */

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export async function call(url: string, method: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export function client(base: string) {
  const dl = `${base}/v3/directline`;
  return {
    session: (token?: string) => call(`${base}/api/directline/token`, 'POST', token),
    start: (token: string) => call(`${dl}/conversations`, 'POST', token, { user: { id: 'whoever' }, locale: 'en-GB' }),
    reconnect: (token: string, id: string, watermark = '') => call(`${dl}/conversations/${id}?watermark=${watermark}`, 'GET', token),
    post: (token: string, id: string, activity: unknown) => call(`${dl}/conversations/${id}/activities`, 'POST', token, activity),
    activities: (token: string | undefined, id: string, watermark = '') => call(`${dl}/conversations/${id}/activities?watermark=${watermark}`, 'GET', token),
    refresh: (token: string) => call(`${dl}/tokens/refresh`, 'POST', token),
    generate: (token: string) => call(`${dl}/tokens/generate`, 'POST', token),
  };
}

export type Client = ReturnType<typeof client>;

/** Polls like directlinejs until the bot's reply to `replyToId` has arrived; returns everything seen. */
export async function pollUntilReply(dl: Client, token: string, id: string, replyToId: string, watermark: string) {
  const seen: any[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await dl.activities(token, id, watermark);
    expect(res.status).toBe(200);
    seen.push(...res.body.activities);
    watermark = res.body.watermark;
    if (seen.some((a) => a.replyToId === replyToId && a.type === 'message')) return { seen, watermark };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no reply to ${replyToId}; saw ${JSON.stringify(seen.map((a) => a.text))}`);
}

export async function newVisitor(dl: Client) {
  const session = await dl.session();
  expect(session.status).toBe(200);
  const started = await dl.start(session.body.token);
  expect(started.status).toBe(201);
  return { userId: session.body.userId as string, conversationId: started.body.conversationId as string, token: started.body.token as string };
}

