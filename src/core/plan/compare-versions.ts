/**
 * Which actions of a revised plan continue which actions of the version before, for the report's
 * year-over-year comparison. An action continues an old one when the new plan says so (its
 * "Ersätter" column), when both carry the same id that the plan's file gave (its "Id" column: the
 * municipality's identity for the action, text revised or not), or when its text is the same. Ids
 * made from a row's place ("A3-2") are never trusted alone: a row inserted above would make two
 * different actions share an id, so such a pair is compared only when the text agrees.
 */
import type { Action, Plan } from './model';

export interface VersionComparison {
  from: string;
  to: string;
  /** For each action of the new version that continues an old one: the old action's id. */
  previousOf: Map<string, string>;
  /** New ids of actions that continue none. */
  added: string[];
  /** New ids of actions that continue an old one whose text was revised. */
  changed: string[];
  /** Old actions that no action continues. */
  removed: Array<Pick<Action, 'id' | 'text'>>;
}

const normalized = (text: string): string =>
  text
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .trim();

export function compareVersions(old: Plan, current: Plan): VersionComparison {
  const oldById = new Map(old.actions.map((a) => [a.id, a]));
  const taken = new Set<string>();
  const previousOf = new Map<string, string>();
  const take = (newId: string, oldId: string): void => {
    previousOf.set(newId, oldId);
    taken.add(oldId);
  };
  // An explicit replaces-mapping first, then ids the file gave, then the same text.
  for (const action of current.actions) {
    const replaced = (action.replaces ?? []).find((id) => oldById.has(id) && !taken.has(id));
    if (replaced) take(action.id, replaced);
  }
  for (const action of current.actions) {
    if (previousOf.has(action.id)) continue;
    const same = oldById.get(action.id);
    if (same && !taken.has(same.id) && action.idGiven && same.idGiven) take(action.id, same.id);
  }
  for (const action of current.actions) {
    if (previousOf.has(action.id)) continue;
    const same = old.actions.find((a) => !taken.has(a.id) && normalized(a.text) === normalized(action.text));
    if (same) take(action.id, same.id);
  }
  return {
    from: old.planVersion,
    to: current.planVersion,
    previousOf,
    added: current.actions.filter((a) => !previousOf.has(a.id)).map((a) => a.id),
    changed: current.actions
      .filter((a) => previousOf.has(a.id) && normalized(oldById.get(previousOf.get(a.id)!)!.text) !== normalized(a.text))
      .map((a) => a.id),
    removed: old.actions.filter((a) => !taken.has(a.id)).map((a) => ({ id: a.id, text: a.text })),
  };
}
