import { randomBytes } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Clock } from '../engine/clock';
import type { DirectLineRepo } from '../engine/repos/directLine';
import type { Logger } from '../logger';
import type { ActivitySet, ConversationLog } from './conversationLog';
import type { DirectLineAdapter, DirectLineIdentity } from './directLineAdapter';
import { badRequest, forbidden, notFound } from './errors';
import { CONVERSATION_ID, type TokenClaims, type TokenRole, type TokenService } from './tokens';

/** A web visitor who comes back within this time keeps their anonymous id and conversation. */
export const RESUME_GRACE_SECONDS = 7 * 24 * 60 * 60;

/** The activity types a client may post (as Direct Line accepts them from Web Chat). */
const postedActivity = z
  .object({
    type: z.enum(['message', 'typing', 'event']),
    text: z.string().max(20_000).optional(),
    name: z.string().max(256).optional(),
    from: z.object({ name: z.unknown().optional() }).passthrough().optional(),
  })
  .passthrough();

/** What a client receives about its conversation (Direct Line's `Conversation` object). */
export interface ConversationResponse {
  conversationId?: string;
  token: string;
  expires_in: number;
}

/** The page's session: an anonymous (or staff) user id, its token and the conversation to resume. */
export interface SessionToken extends ConversationResponse {
  userId: string;
}

export interface DirectLineServiceDeps {
  repo: DirectLineRepo;
  tokens: TokenService;
  log: ConversationLog;
  adapter: DirectLineAdapter;
  logic: (context: TurnContext) => Promise<void>;
  clock: Clock;
  logger: Logger;
}

/**
 * The Direct Line v3 subset that Web Chat's `createDirectLine({ webSocket: false })` uses, as plain
 * methods (HTTP lives in mountDirectLine.ts). Every call takes the `Authorization` header; the
 * token decides who the caller is and which conversation they may touch.
 */
export class DirectLineService {
  constructor(private readonly deps: DirectLineServiceDeps) {}

  /** A token for `userId` (e.g. staff after signing in); bound to `conversationId` when given. */
  issueToken(claims: { userId: string; role: TokenRole; conversationId?: string }): SessionToken {
    const issued = this.deps.tokens.issue(claims);
    return { userId: claims.userId, conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn };
  }

  /**
   * POST /api/directline/token: the visitor's still-valid token (a user token may have expired up to
   * RESUME_GRACE_SECONDS ago) keeps its user and conversation; anything else starts a new anonymous user.
   */
  session(authorization: string | undefined): SessionToken {
    const claims = this.resumable(authorization);
    if (!claims) return this.issueToken({ userId: `web-${randomBytes(12).toString('base64url')}`, role: 'user' });
    const conversation = claims.conversationId ? this.deps.repo.conversation(claims.conversationId) : undefined;
    const conversationId = conversation?.userId === claims.userId ? conversation.id : undefined;
    return this.issueToken({ userId: claims.userId, role: claims.role, conversationId });
  }

  /** POST /v3/directline/conversations: starts the token's conversation (or a new one) and lets the bot greet. */
  async start(authorization: string | undefined): Promise<{ created: boolean; body: ConversationResponse }> {
    const claims = this.deps.tokens.fromHeader(authorization);
    const conversationId = claims.conversationId ?? newConversationId();
    const created = this.deps.repo.createConversation(conversationId, claims.userId, this.deps.clock.now().toISOString());
    if (!created && this.deps.repo.conversation(conversationId)?.userId !== claims.userId) throw forbidden('this conversation belongs to someone else');
    if (created) await this.deps.adapter.join(conversationId, identity(claims), this.deps.logic);
    return { created, body: this.conversationResponse(claims, conversationId) };
  }

  /** GET /v3/directline/conversations/:id: reconnects to an existing conversation (resume). */
  reconnect(authorization: string | undefined, conversationId: string): ConversationResponse {
    const claims = this.authorize(authorization, conversationId);
    return this.conversationResponse(claims, conversationId);
  }

  /** POST …/activities: stores the activity (with the token's user as sender), runs the bot turn, returns the id. */
  async post(authorization: string | undefined, conversationId: string, body: unknown): Promise<{ id: string }> {
    const claims = this.authorize(authorization, conversationId);
    const parsed = postedActivity.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`invalid activity: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const sender = identity(claims);
    const activity = this.deps.adapter.accept(conversationId, sender, parsed.data as Partial<Activity>);
    try {
      await this.deps.adapter.runTurn(activity, sender, this.deps.logic);
    } catch (err) {
      this.deps.logger.error({ err, conversation: conversationId }, 'Direct Line turn failed');
    }
    return { id: activity.id };
  }

  /** GET …/activities?watermark=N: what was logged after N. */
  activities(authorization: string | undefined, conversationId: string, watermark: unknown): ActivitySet {
    this.authorize(authorization, conversationId);
    if (watermark !== undefined && (typeof watermark !== 'string' || !/^\d{0,15}$/.test(watermark))) {
      throw badRequest('watermark must be a non-negative integer');
    }
    return this.deps.log.since(conversationId, Number(watermark ?? 0));
  }

  /** POST /v3/directline/tokens/refresh: the same claims with a new expiry (expired tokens get a 403). */
  refresh(authorization: string | undefined): ConversationResponse {
    const claims = this.deps.tokens.fromHeader(authorization);
    return this.conversationResponse(claims, claims.conversationId);
  }

  /** POST /v3/directline/tokens/generate: a token for a new conversation of the same user. */
  generate(authorization: string | undefined): ConversationResponse {
    const claims = this.deps.tokens.fromHeader(authorization);
    return this.conversationResponse(claims, newConversationId());
  }

  /** The caller's claims, when they may use this conversation: 404 unknown, 403 someone else's. */
  private authorize(authorization: string | undefined, conversationId: string): TokenClaims {
    const claims = this.deps.tokens.fromHeader(authorization);
    if (claims.conversationId !== undefined && claims.conversationId !== conversationId) throw forbidden('this token is for another conversation');
    const conversation = CONVERSATION_ID.test(conversationId) ? this.deps.repo.conversation(conversationId) : undefined;
    if (!conversation) throw notFound('no such conversation');
    if (conversation.userId !== claims.userId) throw forbidden('this conversation belongs to someone else');
    return claims;
  }

  private resumable(authorization: string | undefined): TokenClaims | undefined {
    if (!authorization) return undefined;
    try {
      const claims = this.deps.tokens.fromHeader(authorization, { graceSeconds: RESUME_GRACE_SECONDS });
      const expired = claims.exp * 1000 <= this.deps.clock.now().getTime();
      return expired && claims.role !== 'user' ? undefined : claims;
    } catch {
      return undefined;
    }
  }

  private conversationResponse(claims: TokenClaims, conversationId: string | undefined): ConversationResponse {
    const issued = this.deps.tokens.issue({ userId: claims.userId, role: claims.role, conversationId });
    return { conversationId, token: issued.token, expires_in: issued.expiresIn };
  }
}

function identity(claims: TokenClaims): DirectLineIdentity {
  return { userId: claims.userId, role: claims.role };
}

function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}
