/**
 * Who may see stored answers ("status för åtgärd A3-1", "hur går det för SF?").
 *
 * Admins and the safety chief: every action and unit. A contact: the actions their own units
 * report, and their own units' overview; the answers shown are their own units' only. Other
 * units' answers are not shown to contacts: until the deadline they are working notes, and the
 * safety chief's consolidated report is where they are brought together and published. Anyone
 * else is not part of the follow-up: for them the words are a question about the plan.
 */
import type { Obligation } from './model';

export type StatusRequest = { kind: 'action'; actionId: string } | { kind: 'unit'; unit: string };

export type StatusAccess =
  /** Every unit's answers. */
  | { kind: 'all' }
  /** Only these units' answers. */
  | { kind: 'own'; units: string[] }
  /** A contact asking about other units. */
  | { kind: 'other-units'; ownUnits: string[] }
  /** Not an admin or a contact. */
  | { kind: 'not-in-follow-up' };

export function statusAccess(
  viewer: { isAdmin: boolean; units: string[] },
  request: StatusRequest,
  obligations: Obligation[],
): StatusAccess {
  if (viewer.isAdmin) return { kind: 'all' };
  if (viewer.units.length === 0) return { kind: 'not-in-follow-up' };
  const own = viewer.units;
  if (request.kind === 'unit') {
    const wanted = request.unit.toLocaleLowerCase('sv');
    return own.some((u) => u.toLocaleLowerCase('sv') === wanted) ? { kind: 'own', units: own } : { kind: 'other-units', ownUnits: own };
  }
  const reporters = obligations.filter((o) => o.actionId.toUpperCase() === request.actionId.toUpperCase()).map((o) => o.unit);
  // An id the plan does not have: let the view say so, rather than "not yours".
  if (reporters.length === 0 || reporters.some((u) => own.includes(u))) return { kind: 'own', units: own };
  return { kind: 'other-units', ownUnits: own };
}
