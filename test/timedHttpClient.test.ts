import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { isOutboundTimeout, OutboundTimeoutError, timedHttpClient, withTimeout } from '../src/timedHttpClient';

const request = (url: string, body?: string) => ({
  url,
  method: 'POST',
  headers: { rawHeaders: () => ({ 'content-type': 'application/json', 'accept-encoding': 'gzip,deflate' }) },
  body,
  timeout: 0,
});

describe('timedHttpClient', () => {
  let server: http.Server;
  let url = '';
  const seen: { body: string; headers: http.IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push({ body, headers: req.headers });
        if (req.url === '/silent') return; // never answers
        const json = JSON.stringify({ id: 'reply-1' });
        if (req.url === '/gzip') {
          res.writeHead(201, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(json));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(json);
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('sends the body and headers and reads the answer, decompressed', async () => {
    const client = timedHttpClient(2000);
    const plain = await client.sendRequest(request(`${url}/plain`, '{"text":"hi"}'));
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.bodyAsText)).toEqual({ id: 'reply-1' });
    expect(seen.at(-1)).toMatchObject({ body: '{"text":"hi"}', headers: { 'content-type': 'application/json', 'content-length': '13' } });
    const gzipped = await client.sendRequest(request(`${url}/gzip`, '{}'));
    expect(gzipped.status).toBe(201);
    expect(JSON.parse(gzipped.bodyAsText)).toEqual({ id: 'reply-1' });
    expect(gzipped.headers.get('content-encoding')).toBeUndefined();
    expect(gzipped.headers.toJson({ preserveCase: true })['content-type']).toBe('application/json');
  });

  it('gives up on a peer that never answers after the timeout, with an error that says so', async () => {
    const started = Date.now();
    const err = await timedHttpClient(300).sendRequest(request(`${url}/silent`, '{}')).catch((e) => e);
    expect(err).toBeInstanceOf(OutboundTimeoutError);
    expect(isOutboundTimeout(err)).toBe(true);
    expect(isOutboundTimeout({ error: err })).toBe(true); // as a DialogContextError wraps it
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('bounds any promise the same way', async () => {
    await expect(withTimeout(new Promise(() => undefined), 50, 'the token service')).rejects.toThrow('the token service did not answer within 50 ms');
    await expect(withTimeout(Promise.resolve(7), 50, 'x')).resolves.toBe(7);
  });
});
