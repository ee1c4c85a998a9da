import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../engine/clock';
import type { DirectLineRepo } from '../engine/repos/directLine';
import { DirectLineError, unauthorized } from './errors';

export type TokenRole = 'user' | 'staff';

/** What a token says about its holder; `exp` in seconds since the epoch. */
export interface TokenClaims {
  userId: string;
  role: TokenRole;
  conversationId?: string;
  exp: number;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
  claims: TokenClaims;
}

export const USER_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

const claimsShape = z.object({
  userId: z.string().regex(USER_ID),
  role: z.enum(['user', 'staff']),
  conversationId: z.string().regex(CONVERSATION_ID).optional(),
  exp: z.number().int().positive(),
});

/** Default lifetime: Direct Line clients refresh halfway through (directlinejs refreshes every 15 minutes). */
export const TOKEN_TTL_SECONDS = 60 * 60;

/**
 * Compact signed tokens `base64url(payload).base64url(hmacSha256(payload))`. The user id inside is
 * the only identity a Direct Line client has: the server overwrites `from.id` with it.
 */
export class TokenService {
  constructor(
    private readonly secret: Buffer,
    private readonly clock: Clock,
    readonly ttlSeconds = TOKEN_TTL_SECONDS,
  ) {
    if (secret.length < 32) throw new Error('the token secret must have at least 32 bytes');
  }

  issue(claims: Omit<TokenClaims, 'exp'>): IssuedToken {
    const full = claimsShape.parse({ ...claims, exp: this.nowSeconds() + this.ttlSeconds });
    const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
    return { token: `${payload}.${this.sign(payload).toString('base64url')}`, expiresIn: this.ttlSeconds, claims: full };
  }

  /**
   * The claims of a well-signed token. Throws 401 for anything malformed or forged and 403 for an
   * expired token (what Direct Line clients take as "refresh or reconnect"). `graceSeconds` accepts
   * tokens that expired at most that long ago (used only to resume a web chat).
   */
  verify(token: string, { graceSeconds = 0 } = {}): TokenClaims {
    const parts = token.split('.');
    if (parts.length !== 2 || parts[0].length > 2048) throw unauthorized('malformed token');
    const [payload, signature] = parts;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(payload);
    const canonical = given.toString('base64url') === signature;
    if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('invalid token');
    let claims: TokenClaims;
    try {
      claims = claimsShape.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch (cause) {
      throw new DirectLineError(401, 'Unauthorized', 'invalid token', { cause });
    }
    if (claims.exp + graceSeconds <= this.nowSeconds()) throw new DirectLineError(403, 'TokenExpired', 'token expired');
    return claims;
  }

  /** The claims of an `Authorization: Bearer …` header; 401 when it is missing. */
  fromHeader(header: string | undefined, options?: { graceSeconds?: number }): TokenClaims {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw unauthorized('an Authorization: Bearer token is required');
    return this.verify(match[1], options);
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

/** The service with the store's own secret (made once and kept in `meta`, so tokens survive restarts). */
export function createTokenService(repo: DirectLineRepo, clock: Clock, ttlSeconds?: number): TokenService {
  const secret = repo.signingSecret(() => randomBytes(32).toString('base64url'));
  return new TokenService(Buffer.from(secret, 'base64url'), clock, ttlSeconds);
}
