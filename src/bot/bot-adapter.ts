/**
 * botbuilder's adapter as the HTTP server uses it: authentication and the turn as two steps, the
 * Bot Connector calls of a turn bounded in time, and the channel's signing keys read from a
 * configurable address (BotOpenIdMetadata).
 */
import { type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotFrameworkAuthentication, ClaimsIdentity } from 'botframework-connector';

/**
 * The adapter, with authentication and the turn as two steps, so that the HTTP server can answer
 * a failed authentication itself (401, nothing of the library's message) and count only
 * authenticated requests against a user's limit. CloudAdapter.process does both in one call.
 */
export class BotAdapter extends TeamsAdapter {
  /**
   * Bot Connector clients by service URL and audience, as botbuilder's older BotFrameworkAdapter
   * kept them: building one (its HTTP pipeline and credentials) for every turn was a tenth of a
   * card action's time. Their credentials fetch and renew tokens themselves. Kept a while, bounded.
   */
  private readonly connectors = new Map<string, { at: number; client: Promise<unknown> }>();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    keepUserTokenClients(this.botFrameworkAuthentication);
  }

  /** Checks the request's Bot Framework token (its signature, issuer, audience, serviceUrl); rejects when it does not hold. */
  authenticate(activity: object, authorizationHeader: string) {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Partial<Activity> as Activity, authorizationHeader);
  }

  /**
   * Runs a turn for an authenticated activity; the invoke response, if the activity expects one.
   * Every call the turn makes to the Bot Connector (replies, member lookups) gives up after
   * `connectorTimeoutMs`: the client has no timeout of its own, and a serviceUrl that accepts the
   * connection and never answers held an invoke's HTTP request for minutes.
   */
  async runTurn(
    authentication: Authentication,
    activity: object,
    logic: (context: TurnContext) => Promise<void>,
    connectorTimeoutMs = 5_000,
  ): Promise<InvokeResponse | undefined> {
    this.turns += 1;
    try {
      return await this.boundedTurn(authentication, activity, logic, connectorTimeoutMs);
    } finally {
      this.turns -= 1;
    }
  }

  private turns = 0;

  /** Turns being run now: work that nobody waits for (card-refresher.ts) lets them go first. */
  get turnsInFlight(): number {
    return this.turns;
  }

  private boundedTurn(
    authentication: Authentication,
    activity: object,
    logic: (context: TurnContext) => Promise<void>,
    connectorTimeoutMs: number,
  ): Promise<InvokeResponse | undefined> {
    const factory = authentication.connectorFactory;
    if (!factory) return this.processActivity(authentication, activity as Partial<Activity> as Activity, logic);
    const bounded: Authentication = {
      ...authentication,
      connectorFactory: {
        create: (serviceUrl: string, audience?: string) =>
          this.connectorFor(`${serviceUrl}|${audience ?? ''}|${connectorTimeoutMs}`, async () =>
            withRequestTimeout(await factory.create(serviceUrl, audience), connectorTimeoutMs),
          ),
      },
    };
    return this.processActivity(bounded, activity as Partial<Activity> as Activity, logic);
  }

  private connectorFor<T>(key: string, create: () => Promise<T>, now = Date.now()): Promise<T> {
    const kept = this.connectors.get(key);
    if (kept && now - kept.at < CONNECTOR_KEPT_MS) return kept.client as Promise<T>;
    if (this.connectors.size >= CONNECTORS_KEPT) this.connectors.delete(this.connectors.keys().next().value!);
    const client = create();
    this.connectors.set(key, { at: now, client });
    client.catch(() => this.connectors.delete(key));
    return client;
  }
}

/**
 * The adapter asks for a user-token client (sign-in for skills and OAuth cards) on every turn and
 * builds one, with its own HTTP pipeline, each time; this bot signs nobody in. One per bot app id
 * is kept: it holds only the app's credentials, which fetch and renew their tokens themselves.
 */
function keepUserTokenClients(authentication: BotFrameworkAuthentication): void {
  const create = authentication.createUserTokenClient.bind(authentication);
  const kept = new Map<string, ReturnType<typeof create>>();
  authentication.createUserTokenClient = (claimsIdentity: ClaimsIdentity) => {
    // The bot's app id as botbuilder reads it for this: the audience (from the channel), else the appid claim (Emulator).
    const claim = (type: string) => claimsIdentity.claims?.find((c) => c.type === type)?.value;
    const appId = claim('aud') ?? claim('appid') ?? '';
    let client = kept.get(appId);
    if (!client) {
      client = create(claimsIdentity);
      kept.set(appId, client);
      client.catch(() => kept.delete(appId));
    }
    return client;
  };
}

const CONNECTOR_KEPT_MS = 10 * 60_000;
const CONNECTORS_KEPT = 100;

type PipelineRequest = { timeout: number };
type Pipeline = {
  addPolicy(policy: {
    name: string;
    sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown>;
  }): void;
};

/** Gives every request of a Bot Connector client a timeout (ms) unless it has one. */
function withRequestTimeout<T>(connector: T, timeoutMs: number): T {
  const pipeline = (connector as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  pipeline?.addPolicy({
    name: 'trygghetsbot-request-timeout',
    sendRequest: (request, next) => {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  });
  return connector;
}

export type Authentication = Awaited<ReturnType<BotAdapter['authenticate']>>;

/**
 * Bot Framework's public-cloud settings with the channel's signing keys read from another
 * address. botbuilder takes any one of these settings as "all of them are given", so all are
 * spelled out (values of botframework-connector's AuthenticationConstants, 4.23).
 */
export function publicCloudWithKeysFrom(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
}
