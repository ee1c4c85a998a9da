import { z } from 'zod';

/** Everything the process reads from its environment, validated once at start. */
const schema = z.object({
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppTenantId: z.string().trim().default(''),
  /** Where channel signing keys are published (botbuilder's BotOpenIdMetadata); the Bot Framework's own by default. */
  BotOpenIdMetadata: z.string().trim().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DB_PATH: z.string().trim().min(1).default('data/shop.db'),
  STAFF_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
  STAFF_TOKEN: z.string().default(''),
  STAFF_IDLE_MINUTES: z.coerce.number().positive().default(30),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  /** Requests per second per client IP to /api/messages and Direct Line, and the burst allowed. */
  RATE_LIMIT_IP_PER_S: z.coerce.number().positive().default(1000),
  RATE_LIMIT_IP_BURST: z.coerce.number().int().positive().default(2000),
  /** Messages per second per conversation, and the burst allowed. */
  RATE_LIMIT_CONVERSATION_PER_S: z.coerce.number().positive().default(5),
  RATE_LIMIT_CONVERSATION_BURST: z.coerce.number().int().positive().default(20),
  /** Deadline in ms for every outgoing call: replies to the channel, tokens, the channel's signing keys. */
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DEMO_SEED: z.coerce.number().int().default(42),
  /** Where the trained language model is cached; defaults to `cache/` next to the database. */
  NLU_CACHE_DIR: z.string().trim().optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a one-line ConfigError naming the bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const config = parsed.data;
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (config.MicrosoftAppType === 'SingleTenant' && config.MicrosoftAppId && !config.MicrosoftAppTenantId) {
    throw new ConfigError('invalid configuration: MicrosoftAppTenantId: required for SingleTenant apps');
  }
  return config;
}

/** True when incoming requests are checked for a Bot Framework channel token. */
export function channelAuthEnabled(config: Config): boolean {
  return config.MicrosoftAppId !== '';
}
