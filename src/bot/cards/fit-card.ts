/**
 * Cards under Teams' size limit by construction. Teams refuses a message over about 100 KB
 * (counted as UTF-16; Microsoft advises under 80 KB) with 413 MessageSizeTooBig, and renders a card
 * in a message up to about 28 KB. A card whose lists would make it larger keeps as many of their
 * items as fit in CARD_BUDGET_BYTES, in order, and says how many it left out.
 *
 * `fitList` finds that number by halving (a dozen expansions at most): the card's own template
 * decides how large each item is, so no size is guessed here.
 */
import { expandCard, type TemplateName } from './render';

/** What a card may weigh, as JSON in UTF-8: under the 28 KB Teams renders, with room for the activity around it. */
export const CARD_BUDGET_BYTES = 24 * 1024;

export const cardBytes = (card: Record<string, unknown>): number => Buffer.byteLength(JSON.stringify(card));

/**
 * The card made by `build(n)` with the most items `n` (of `total`) that fits the budget; `build`
 * says what was left out when n < total. At least one item is kept when it fits; none when even one is too large.
 */
export function fitList(total: number, build: (n: number) => Record<string, unknown>): Record<string, unknown> {
  const full = build(total);
  if (cardBytes(full) <= CARD_BUDGET_BYTES) return full;
  let fits = 0;
  let tooMany = total;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (cardBytes(build(middle)) <= CARD_BUDGET_BYTES) fits = middle;
    else tooMany = middle;
  }
  return build(fits);
}

/**
 * A template with one list in its data (`key`), fitted: items kept in order, and `more(left)` said
 * after them (`moreKey` unset: as the list's last item) or among the lines of `moreKey`.
 */
export function fittedTemplate(
  template: TemplateName,
  data: Record<string, unknown>,
  key: string,
  more: (left: number) => string,
  moreKey?: string,
): Record<string, unknown> {
  const items = (data[key] as unknown[] | undefined) ?? [];
  return fitList(items.length, (n) => {
    const kept = items.slice(0, n);
    if (n === items.length) return expandCard(template, data);
    if (!moreKey) return expandCard(template, { ...data, [key]: [...kept, more(items.length - n)] });
    return expandCard(template, {
      ...data,
      [key]: kept,
      [moreKey]: [...((data[moreKey] as string[] | undefined) ?? []), more(items.length - n)],
    });
  });
}
