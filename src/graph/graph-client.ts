/**
 * One Microsoft Graph client for the bot and for `npm run doctor`: the host root given (Microsoft
 * Graph, https://graph.microsoft.com, or a national cloud's, or a stand-in on 127.0.0.1), calls
 * under /v1.0/, a token for `<root>/.default` from the bot's own identity when it has one, and
 * Graph's own retries of 429, 503 and 504 honouring Retry-After.
 */
import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';

export { GraphError };

export interface GraphClientOptions {
  /** The host root, e.g. https://graph.microsoft.com (calls go under /v1.0/). */
  endpoint: string;
  /** The bot's identity; none in local mode, where a stand-in Graph on 127.0.0.1 is called without a token. */
  credential?: TokenCredential;
  /** Seconds the client waits before a retry when Graph names no Retry-After; tests make it short. */
  retryDelaySeconds?: number;
  maxRetries?: number;
}

/** The scope a token for this Graph is asked with. */
export const graphScope = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/.default`;

export function createGraphClient(options: GraphClientOptions): Client {
  const root = options.endpoint.replace(/\/+$/, '');
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 5));
  const chain: Middleware[] = [];
  if (options.credential) {
    chain.push(new AuthenticationHandler(new TokenCredentialAuthenticationProvider(options.credential, { scopes: [graphScope(root)] })));
  }
  chain.push(retry, new HTTPMessageHandler());
  for (let i = 0; i < chain.length - 1; i++) chain[i]!.setNext!(chain[i + 1]!);
  return Client.initWithMiddleware({
    middleware: chain[0]!,
    baseUrl: root,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(root).hostname]),
  });
}

/** Graph's way of saying a permission was not granted (as opposed to a policy that blocks the app). */
export function isPermissionDenied(error: GraphError): boolean {
  if (error.statusCode === 401) return true;
  const text = `${error.code ?? ''} ${error.message ?? ''}`;
  return /Authorization_RequestDenied|InsufficientPrivileges|Insufficient privileges|Missing role permissions/i.test(text);
}
