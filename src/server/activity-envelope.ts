/**
 * Checks the envelope of an incoming activity (activity.schema.json) before anything reads it:
 * botbuilder and the handlers take `serviceUrl`, `from.id`, `conversation.id` and the like as
 * strings, and a number or an object there used to end in a 500 with a stack trace's message.
 */
import Ajv from 'ajv';
import schema from './activity.schema.json';

export interface ActivityEnvelope {
  type: string;
  id?: string | null;
  name?: string | null;
  serviceUrl: string;
  channelId?: string | null;
  locale?: string | null;
  text?: string | null;
  from?: { id: string; aadObjectId?: string | null };
  conversation?: { id: string; tenantId?: string | null };
  channelData?: { tenant?: { id?: string | null } };
  [field: string]: unknown;
}

const ajv = new Ajv({ allErrors: false });
const validate = ajv.compile<ActivityEnvelope>(schema);

/** The activity, or the first thing wrong with it (a JSON pointer and what was expected). */
export function checkActivity(body: unknown): { ok: true; activity: ActivityEnvelope } | { ok: false; problem: string } {
  if (validate(body)) return { ok: true, activity: body };
  const error = validate.errors?.[0];
  return { ok: false, problem: error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'invalid' };
}

/** What botbuilder's own request handling does to an activity before a turn: dates from their strings. */
export function withDates<T extends Record<string, unknown>>(activity: T): T {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof activity[field] === 'string') {
      fixed[raw] = activity[field];
      fixed[field] = new Date(activity[field] as string);
    }
  }
  return fixed as T;
}
