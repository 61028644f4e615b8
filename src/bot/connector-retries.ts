import type { ConnectorClient } from 'botframework-connector';

/**
 * The Bot Connector client retries 429 and 5xx by itself, unpaced, which would break the bot's
 * pacing (Teams counts every attempt against the rate limit). Its retry policy is removed where the
 * bot retries itself, paced and honoring Retry-After.
 */
export function withoutSdkRetries(connector: ConnectorClient | undefined): void {
  (
    connector as unknown as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } } | undefined
  )?.client?.pipeline?.removePolicy({
    phase: 'Retry',
  });
}
