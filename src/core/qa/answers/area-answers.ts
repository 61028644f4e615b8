/** A working method or målområde (an area) and what it holds, the list of areas, and a message with no topic. */
import type { Area, AreaKind } from '../../plan/model';
import { areaRef } from '../../plan/areas';
import type { Answer, Language } from '../answer-model';
import { ENGLISH_TO_SWEDISH } from '../lexicon';
import { isStopWord, STOP_WORDS, stemSwedish, tokenize } from '../text';
import type { PlanKnowledge } from './knowledge';

/**
 * A working method or målområde named by its title alone ("Innovativa lösningar och teknik",
 * "vilka åtgärder finns för våld i nära relation"): the question is (part of) the title, or asks
 * for a listing with at least half of the title's words. "Vem …" asks for an owner: the search.
 */
export function areaNamedByTitle(k: PlanKnowledge, question: string): Area | undefined {
  const words = (text: string) =>
    new Set(
      tokenize(text)
        .filter((t) => !isStopWord(t) && t.length > 2)
        .map(stemSwedish),
    );
  // English words by the plan's Swedish ones ("innovative solutions" ~ "Innovativa lösningar").
  const asked = new Set(
    tokenize(question)
      .filter((t) => !isStopWord(t) && t.length > 2)
      .flatMap((t) => (ENGLISH_TO_SWEDISH[t]?.slice(0, 1) ?? [t]).flatMap((w) => tokenize(w)))
      .map(stemSwedish),
  );
  // "Vem gör en plan mot organiserad brottslighet?" asks who owns an action, not what an area holds.
  if (asked.size < 2 || /^\s*(vem|vilka|who)\s+(?!åtgärder)/i.test(question)) return undefined;
  const listing =
    /^\s*(vilka åtgärder|vad (gör|görs|ingår|finns|innehåller)|(visa|lista) (allt|alla åtgärder|åtgärderna)?|berätta om|which actions|what (is|are) (in|done)|(show|list) (me )?(all|everything|the actions)?|tell me about)/i.test(
      question,
    );
  let best: { area: Area; shared: number } | undefined;
  for (const area of k.plan.areas) {
    const title = words(area.title);
    const shared = [...asked].filter((w) => title.has(w)).length;
    const isTitle = shared === asked.size && shared >= 2;
    const listsIt = listing && shared >= 2 && shared * 2 >= title.size;
    if ((isTitle || listsIt) && shared > (best?.shared ?? 0)) best = { area, shared };
  }
  return best?.area;
}

export function areaAnswer(k: PlanKnowledge, language: Language, kind: AreaKind | null, number: number | null, words: string): Answer {
  let area = k.plan.areas.find((a) => (kind === null || a.kind === kind) && a.number === number);
  if (!area && number === null) {
    // The stop words keep the intent's words here: "samverkan" names a working method ("arbetssättet samverkan").
    const wanted = new Set(tokenize(words).filter((t) => t.length > 3 && (!STOP_WORDS.has(t) || /^(samverk|samarbet|ansvar)/.test(t))));
    area = k.plan.areas.find((a) => (kind === null || a.kind === kind) && tokenize(a.title).some((t) => wanted.has(t)));
  }
  // The kind named without a number or a title's word ("Vilka målområden finns?"): its areas, each a button away.
  if (!area && number === null) return areasAnswer(k, language, kind);
  if (!area) {
    const ranges = k.plan.areaKinds.map((areaKind) => {
      const numbers = k.plan.areas.filter((a) => a.kind === areaKind.kind).map((a) => a.number);
      return `${areaKind.label[language].toLocaleLowerCase(language === 'sv' ? 'sv' : 'en')} ${Math.min(...numbers)}–${Math.max(...numbers)}`;
    });
    const areas =
      ranges.length < 2 ? ranges.join('') : `${ranges.slice(0, -1).join(', ')} ${language === 'sv' ? 'och' : 'and'} ${ranges.at(-1)}`;
    return {
      kind: 'not-found',
      language,
      reason: 'unknown-area',
      detail: number === null ? undefined : String(number),
      values: { areas },
    };
  }
  const groups = k.plan.groups
    .filter((g) => g.areaId === area.id)
    .map((g) => ({
      number: g.number,
      title: g.title,
      actionCount: g.actionIds.length,
      ...(g.actionIds.length <= FEW_ACTIONS ? { actions: g.actionIds.map((id) => k.view(k.byId.get(id)!)) } : {}),
    }));
  return {
    kind: 'area',
    language,
    area: areaRef(k.plan, area),
    groups,
    groupLabel: k.plan.groupLabel,
    ...(k.plan.groupWords ? { groupWords: k.plan.groupWords } : {}),
    citation: k.cite(k.plan.groups.filter((g) => g.areaId === area.id).flatMap((g) => g.actionIds)),
  };
}

export function areasAnswer(k: PlanKnowledge, language: Language, kind: AreaKind | null): Answer {
  const areas = k.plan.areas
    .filter((a) => kind === null || a.kind === kind)
    .map((a) => {
      const groups = k.plan.groups.filter((g) => g.areaId === a.id);
      return { area: areaRef(k.plan, a), groups: groups.length, actions: groups.reduce((n, g) => n + g.actionIds.length, 0) };
    });
  return {
    kind: 'areas',
    language,
    areas,
    ...(k.plan.groupWords ? { groupWords: k.plan.groupWords } : {}),
    citation: k.cite([]),
  };
}

/** A message with no topic ("vem mer?", "vad betyder det?"): asked what it is about, with an example question. */
export function noTopicAnswer(k: PlanKnowledge, language: Language): Answer {
  return { kind: 'not-found', language, reason: 'no-topic', values: { example: k.examples[language][0] ?? '' } };
}

/** A group of an area with this many actions or fewer is shown with them. */
const FEW_ACTIONS = 2;
