import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import type { Config } from '../config';
import { AuthenticationConstants as Public, AuthenticationError } from 'botframework-connector';
import { timedHttpClient, withTimeout } from '../timedHttpClient';

// CloudAdapter answers 401 only for the connector's AuthenticationError; anything else thrown
// while checking a token becomes a 500.

/** What jsonwebtoken throws for a token that is forged, malformed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

// The connector's types, as botbuilder's own signatures name them.
type Params = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>;
type CredentialsFactory = NonNullable<Params[1]>;
type ClientFetch = NonNullable<Params[3]>;
type ConnectorClientOptions = NonNullable<Params[4]>;
type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Clients kept, by app id, service URL and audience (a client is a pipeline of a dozen objects, costly to build per turn). */
const MAX_CLIENTS = 64;

/** The bot's app id a request was addressed to, as the connector reads it from the claims ('' when anonymous). */
const appIdOf = (identity: ClaimsIdentity): string => identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';

/**
 * Channel authentication as botbuilder's ConfigurationBotFrameworkAuthentication does it (on
 * exactly when MicrosoftAppId is set), with a deadline on everything it fetches: replies to the
 * channel, tokens for them, the channel's signing keys. Connector clients are reused across turns.
 */
export class BotAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    config: Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'BotOpenIdMetadata'>,
    private readonly timeoutMs: number,
  ) {
    const settings = {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...(config.BotOpenIdMetadata ? publicCloudWithKeysFrom(config.BotOpenIdMetadata) : {}),
    };
    const credentials = timedCredentials(new ConfigurationServiceClientCredentialFactory(settings), timeoutMs);
    const fetchWithTimeout: ClientFetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const options: ConnectorClientOptions = { httpClient: timedHttpClient(timeoutMs) as unknown as ConnectorClientOptions['httpClient'] };
    super(settings, credentials, undefined, fetchWithTimeout, options);
  }

  /**
   * Checks the request's token (a bad one is a 401, whatever is wrong with it); fetching the
   * channel's signing keys may take at most the timeout.
   */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateResult> {
    let result: AuthenticateResult;
    try {
      result = await withTimeout(super.authenticateRequest(activity, authHeader), this.timeoutMs, 'the channel signing keys');
    } catch (err) {
      if (TOKEN_ERRORS.has((err as Error).name)) throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
      throw err;
    }
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(appIdOf(result.claimsIdentity), result.connectorFactory) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(appIdOf(claimsIdentity), super.createConnectorFactory(claimsIdentity));
  }

  /** CloudAdapter asks for one on every turn (for OAuth prompts); the shop never signs users in that way. */
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(appId: string, factory: ConnectorFactory): ConnectorFactory {
    return { create: (serviceUrl: string, audience?: string) => remember(this.clients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)) };
  }
}

/** The cached promise for `key`, or a new one from `make` (forgotten again if it fails); at most MAX_CLIENTS kept. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    value.catch(() => cache.delete(key));
    if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  }
  return value;
}

/**
 * The public cloud's settings with the channel signing keys read from `metadataUrl`. botbuilder
 * takes any one of these settings as "all of them are given", so they are all spelled out.
 */
function publicCloudWithKeysFrom(metadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: Public.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: Public.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: Public.ToBotFromChannelTokenIssuer,
    OAuthUrl: Public.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: Public.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Credentials whose token fetch (signRequest) gives up after `timeoutMs`. */
function timedCredentials(inner: CredentialsFactory, timeoutMs: number): CredentialsFactory {
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: () => inner.isAuthenticationDisabled(),
    async createCredentials(appId, audience, loginEndpoint, validateAuthority) {
      const credentials = await inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
      return new Proxy(credentials, {
        get(target, property, receiver) {
          if (property !== 'signRequest') return Reflect.get(target, property, receiver);
          return (request: Parameters<Credentials['signRequest']>[0]) => withTimeout(target.signRequest(request), timeoutMs, 'the token service');
        },
      });
    },
  };
}
