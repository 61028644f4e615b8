/**
 * Tables looked up by what people type. A plain object literal inherits from Object.prototype, so
 * `table['constructor']` is a function and `'toString' in table` is true: a user typing such a word
 * would break the turn. These helpers give tables with no prototype, and an own-property read for
 * objects that come from data (JSON plans, imported footnotes).
 */

/** A frozen copy of `entries` with no prototype: only its own keys are found. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** The value stored under `key` in `table` itself, never one inherited from a prototype. */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
