/**
 * What a use case gives back: the value, or a refusal the adapter turns into words. Expected
 * outcomes (not an admin, no round, a unit the plan does not have) are values, never exceptions;
 * an exception means the store or something below it failed.
 */
import type { FollowUpPeriod } from '../core/plan/follow-up-config';

export type Refusal =
  | { reason: 'not-admin' }
  | { reason: 'not-contact' }
  | { reason: 'no-round' }
  | { reason: 'bad-date' }
  /** A round of another kind than the plan's follow-up period ("2025" for a plan followed up per half-year). */
  | { reason: 'wrong-period'; period: FollowUpPeriod; example: string }
  | { reason: 'past-deadline'; deadline: string }
  | { reason: 'already-exists'; year: number }
  /** Reopening a round that is not closed. */
  | { reason: 'round-open'; year: number }
  | { reason: 'unknown-unit'; unit: string }
  | { reason: 'bad-person' }
  /** The contacts form saved with an empty field: nothing removed (removing is said in so many words). */
  | { reason: 'no-people'; unit: string }
  /** More contacts than a unit, or the bot, keeps (core/limits.ts). */
  | { reason: 'too-many-contacts'; unit: string; max: number; scope: 'unit' | 'all' }
  | { reason: 'unknown-action'; actionId: string }
  | { reason: 'other-units'; ownUnits: string[] }
  /** A glossary entry for a code the plan itself defines, or with an empty or overlong name. */
  | { reason: 'defined-by-plan'; code: string; expansion: string }
  | { reason: 'bad-expansion'; max: number }
  /** A municipality word that is not one word, or plan terms that are not words or too many. */
  | { reason: 'bad-word'; max: number }
  /** A municipality word whose plan terms the plan does not have: it would lead nowhere. */
  | { reason: 'terms-not-in-plan'; terms: string[] }
  /** A municipality word the plan has itself: found as it is. */
  | { reason: 'word-in-plan'; word: string }
  /** Taking back a municipality word that was never given. */
  | { reason: 'unknown-word'; word: string }
  /** Erasing the last admin: nobody could run the follow-up afterwards. */
  | { reason: 'last-admin' }
  /** Erasing an admin by configuration (BOOTSTRAP_ADMINS): removed there first. */
  | { reason: 'configured-admin' }
  /** Deleting a closed round whose archive package nobody has taken. */
  | { reason: 'not-archived'; year: number };

export type Result<T> = ({ ok: true } & T) | ({ ok: false } & Refusal);

export const refuse = <R extends Refusal>(refusal: R): { ok: false } & R => ({ ok: false, ...refusal });
