import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/engine/db';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

const APP_ID = '00000000-0000-0000-0000-00000000b07a';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const KID = 'test-signing-key';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A JWT as a channel signs it (RS256 over header.payload). */
function signToken(key: KeyObject, claims: Record<string, unknown>, kid = KID): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

/**
 * Stands in for the Bot Framework's OpenID metadata: the bot fetches the channel's public signing
 * keys from here (BotOpenIdMetadata), so tokens signed with a locally generated key are genuine.
 */
async function startKeyServer(publicKey: KeyObject) {
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  let url = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['emulator', 'webchat'] }] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { metadataUrl: `${url}/openid`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** With MicrosoftAppId set, /api/messages takes only requests signed by the channel. */
describe('channel authentication', () => {
  const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let dir: string;
  let bot: RunningBot;
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;

  const claims = (extra: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: channel.url, nbf: now - 60, iat: now - 60, exp: now + 600, ...extra };
  };
  const message = (conversation: string) => activity(channel.url, conversation, { type: 'message', text: 'help' });
  const bearer = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

  beforeAll(async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close();
    keys = await startKeyServer(channelKey.publicKey);
    channel = await startCallbackServer();
    bot = await startBot({
      DB_PATH: dbPath,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      BotOpenIdMetadata: keys.metadataUrl,
      // Replies need a token from Microsoft Entra, which a test cannot reach: fail fast instead.
      OUTBOUND_TIMEOUT_MS: '1500',
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await keys?.close();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a request without an Authorization header', async () => {
    const res = await post(bot.url, message('conv-unsigned'));
    expect(res.status).toBe(401);
  });

  it('rejects bearer tokens that are not genuine, expired or meant for another bot', async () => {
    const cases: [string, string][] = [
      ['not a JWT', 'not-a-token'],
      ['unsigned (alg none)', `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: KID }))}.${b64url(JSON.stringify(claims()))}.`],
      ['signed with another key', signToken(otherKey.privateKey, claims())],
      ['an unknown key id', signToken(otherKey.privateKey, claims(), 'someone-elses-key')],
      ['expired', signToken(channelKey.privateKey, claims({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }))],
      ['for another bot', signToken(channelKey.privateKey, claims({ aud: 'some-other-app' }))],
      ['from another issuer', signToken(channelKey.privateKey, claims({ iss: 'https://evil.example' }))],
      ['for another service URL', signToken(channelKey.privateKey, claims({ serviceurl: 'https://attacker.example' }))],
    ];
    for (const [name, token] of cases) {
      const res = await post(bot.url, message(`conv-bad-${name.replace(/\W+/g, '-')}`), bearer(token));
      expect([401, 403], `${name}: got ${res.status} ${res.text}`).toContain(res.status);
    }
    expect(bot.output()).not.toMatch(/"conversation":"conv-(unsigned|bad-)[^"]*","channel"/); // no turn ran for any of them
    expect(channel.received.filter((r) => /^conv-(unsigned|bad-)/.test(r.conversationId))).toEqual([]);
  });

  it('accepts a request signed with the channel key and runs the turn', async () => {
    const res = await post(bot.url, message('conv-signed'), bearer(signToken(channelKey.privateKey, claims())));
    expect(res.status, `${res.text}\n${bot.output().slice(-2500)}`).toBe(200);
    // The turn ran; its reply then needs a Microsoft Entra token, which is out of reach here.
    expect(bot.output()).toMatch(/"conversation":"conv-signed"/);
  });
});
