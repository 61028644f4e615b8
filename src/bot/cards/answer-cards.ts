/** Turns an answer from the core into a card: picks the template and prepares its data. */
import { t } from '../../core/texts/catalog';
import { areaName } from '../../core/plan/areas';
import type { PlanHelp } from '../../usecases/live-answerer';
import type { ActionView, Answer, Citation } from '../../core/qa/answer-model';
import type { Language } from '../../core/language';
import {
  actionHeading,
  citationText,
  citedDocument,
  columnRows,
  partnerRows,
  unitRows,
  statusLines,
  columnTitle,
  expansionText,
  groupsWord,
  planLines,
  readAsLines,
  matchesTitle,
  renderText,
  areasTitle,
  areaLines,
  suggestionsIntro,
} from '../../core/qa/render-text';
import { expandCard, type TemplateName } from './render';
import { fitList, fittedTemplate } from './fit-card';
import { unbreakableId } from '../../core/typed-text';

/** Teams shows at most six buttons comfortably. */
const MAX_EXAMPLE_BUTTONS = 6;

/** A source line as a card prints it: the ids with non-breaking hyphens, so none is split over two lines. */
const cardCitation = (citation: Citation, lang: Language): string =>
  citationText({ ...citation, actionIds: citation.actionIds.map(unbreakableId) }, lang);
const ROW_TEXT_LIMIT = 110;
/** The fallback only needs to be readable; long listings are cut so the card stays under Teams' size limit. */
const FALLBACK_LIMIT = 3000;

interface CardSpec {
  template: TemplateName;
  data: Record<string, unknown>;
}

function actionData(a: ActionView, lang: Answer['language']): Record<string, string | string[]> {
  const notPrinted = t('notPrinted', lang);
  return {
    id: unbreakableId(a.id),
    heading: actionHeading(a, lang),
    text: a.text,
    ansvarig: a.ansvarig || notPrinted,
    samverkan: a.samverkan || notPrinted,
    finansiering: a.finansiering || notPrinted,
    expansionLines: a.expansions.length ? [a.expansions.map((e) => expansionText(e, lang)).join(' · ')] : [],
  };
}

/** A listing's row: id, text, and Ansvarig as printed (said so when the plan names none: "–" told a reader nothing). */
function row(a: ActionView, lang: Answer['language']): Record<string, string> {
  return {
    id: unbreakableId(a.id),
    text: a.text.length > ROW_TEXT_LIMIT ? `${a.text.slice(0, ROW_TEXT_LIMIT - 1)}…` : a.text,
    owner: a.ansvarig || t('notPrinted', lang),
  };
}

const labels = (lang: Answer['language']) => ({
  responsible: t('responsible', lang),
  cooperation: t('cooperation', lang),
  financing: t('financing', lang),
});

export function answerCardSpec(answer: Answer): CardSpec {
  const lang = answer.language;
  const full = renderText(answer);
  const fallbackText = full.length > FALLBACK_LIMIT ? `${full.slice(0, FALLBACK_LIMIT - 1)}…` : full;
  switch (answer.kind) {
    case 'actions':
      return {
        template: 'actions',
        data: {
          fallbackText,
          labels: labels(lang),
          title: answer.group ? `${answer.group.label[lang]} ${answer.group.number}. ${answer.group.title}` : matchesTitle(answer),
          subtitleLines: [...(answer.group ? [answer.group.areaTitle] : []), ...readAsLines(answer.readAs, lang)],
          actions: answer.actions.map((a) => actionData(a, lang)),
          citation: cardCitation(answer.citation, lang),
        },
      };
    case 'funder':
      if (answer.actions.length === 0) return messageSpec(answer.funder, [full], '', fallbackText);
      return {
        template: 'actions',
        data: {
          fallbackText,
          labels: labels(lang),
          title: t('funderActions', lang, { funder: answer.funder, n: answer.actions.length }),
          subtitleLines: answer.expansion ? [answer.expansion] : [],
          actions: answer.actions.map((a) => actionData(a, lang)),
          citation: cardCitation(answer.citation, lang),
        },
      };
    case 'unit': {
      const unit = answer.unit;
      const sections = unitSections(answer);
      if (sections.length === 0) return messageSpec(unit, [t('unitNone', lang, { unit })], '', fallbackText);
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: answer.area ? `${unit} · ${areaName(answer.area, lang)}: ${answer.area.title}` : unit,
          subtitleLines: [
            ...(answer.expansion ? [answer.expansion] : []),
            // Asked as an owner, a partner only (or the other way round): said before what it does.
            ...(answer.noneAs ? [t(answer.noneAs === 'responsible' ? 'unitResponsibleNone' : 'unitCooperatesNone', lang, { unit })] : []),
          ],
          sections,
          citation: cardCitation(answer.citation, lang),
        },
      };
    }
    case 'areas':
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: areasTitle(answer),
          subtitleLines: [],
          // Each area with its size and a button that asks for it ("Målområde 2").
          sections: answer.areas.map((a, i) =>
            section({
              title: areaLines(answer)[i],
              // "Visa målområde 1", as "Visa åtgärd 22": the plan's word in lower case mid-sentence.
              more: [
                {
                  title: t('showArea', lang, { area: areaName(a.area, lang).toLocaleLowerCase(lang) }),
                  question: areaName(a.area, lang),
                },
              ],
            }),
          ),
          citation: cardCitation(answer.citation, lang),
        },
      };
    case 'area':
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: `${areaName(answer.area, lang)}: ${answer.area.title}`,
          subtitleLines: [],
          sections: [
            section({
              heading: t('areaContains', lang, {
                area: areaName(answer.area, lang),
                n: answer.groups.length,
                ...groupsWord(answer, lang),
              }),
            }),
            // Each group with its actions when they are few, else its count and a button to see them.
            ...answer.groups.map((g) =>
              section({
                title: `${answer.groupLabel[lang]} ${g.number}. ${g.title} (${t('actionsCount', lang, { n: g.actionCount })})`,
                rows: (g.actions ?? []).map((a) => row(a, lang)),
                more: g.actions
                  ? []
                  : [{ title: t('showGroup', lang, { n: g.number }), question: t('groupQuestion', lang, { n: g.number }) }],
              }),
            ),
          ],
          citation: cardCitation(answer.citation, lang),
        },
      };
    case 'abbreviation':
    case 'not-found': {
      const [first, ...rest] = full.split('\n');
      const citation = answer.kind === 'abbreviation' && answer.citation ? cardCitation(answer.citation, lang) : '';
      const usedIn = `${t('usedIn', lang)}:`;
      const paragraphs = rest
        // The source line goes to the card's foot; "Källa för namnet: …" is a paragraph of its own.
        .filter((l) => l.trim() && !l.startsWith(`${t('source', lang)}:`))
        // The ids listed keep their hyphens on one line in a narrow card ("A14-3", not "A14-" / "3").
        .map((l) =>
          answer.kind === 'abbreviation' && l.startsWith(usedIn) ? `${usedIn} ${answer.usedIn.map(unbreakableId).join(', ')}` : l,
        );
      return messageSpec(first ?? '', paragraphs, citation, fallbackText);
    }
    case 'help':
      return helpSpec(lang, answer, answer.greeting ? 'greeting' : 'help');
    case 'statuses':
      return messageSpec(t('statusesTitle', lang), statusLines(answer), citationText(answer.citation, lang), fallbackText);
    case 'units':
      return rowsListing(
        fallbackText,
        t('unitsTitle', lang, { n: answer.units.length }),
        t('unitsHint', lang, { example: answer.units[0]?.code ?? '' }),
        unitRows(answer),
        answer.citation,
        lang,
      );
    case 'partners':
      return rowsListing(
        fallbackText,
        t('partnersTitle', lang, { n: answer.partners.length }),
        t('partnersHint', lang, { example: answer.partners[0]?.code ?? '' }),
        partnerRows(answer),
        answer.citation,
        lang,
      );
    case 'passage':
      return messageSpec(
        t('passageIntro', lang, { heading: answer.heading }),
        answer.paragraphs,
        `${t('source', lang)}: ${citedDocument(answer.citation)}, ${t('passageSection', lang, { heading: answer.heading })}`,
        fallbackText,
      );
    case 'thanks':
      return messageSpec(t('thanksTitle', lang), [t('thanks', lang, { example: answer.example })], '', fallbackText);
    case 'plan':
      return messageSpec(t('planTitle', lang), [...planLines(answer), answer.areas.join('\n\n')], '', fallbackText);
    case 'column':
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: columnTitle(answer),
          subtitleLines: [],
          sections: answer.actions.length
            ? [section({ rows: columnRows(answer).map((r) => ({ ...r, id: unbreakableId(r.id) })) })]
            : [section({ heading: t('columnNone', lang) })],
          citation: cardCitation(answer.citation, lang),
        },
      };
    case 'suggestions':
      return {
        template: 'suggestions',
        data: {
          fallbackText,
          title: t('suggestionsTitle', lang),
          intro: suggestionsIntro(answer),
          // Each a button that asks for the action by its id: the answer then names who is responsible.
          actions: answer.actions.map((a) => ({
            id: a.id,
            label: unbreakableId(a.id),
            button: t('showAction', lang, { id: unbreakableId(a.id) }),
            text: a.text.length > ROW_TEXT_LIMIT ? `${a.text.slice(0, ROW_TEXT_LIMIT - 1)}…` : a.text,
          })),
        },
      };
  }
}

/**
 * A listing card's section: a heading, a title, rows, and buttons that ask for more. Optional parts
 * are lists of none or one (the templating library warns on every "$when" that is false).
 */
interface ListingSection {
  headingLines: string[];
  titleLines: string[];
  rows: Array<Record<string, string>>;
  moreSets: Array<{ buttons: Array<{ title: string; question: string }> }>;
}

function section(parts: {
  heading?: string;
  title?: string;
  rows?: Array<Record<string, string>>;
  more?: Array<{ title: string; question: string }>;
}): ListingSection {
  const more = parts.more ?? [];
  return {
    headingLines: parts.heading ? [parts.heading] : [],
    titleLines: parts.title ? [parts.title] : [],
    rows: parts.rows ?? [],
    moreSets: more.length > 0 ? [{ buttons: more }] : [],
  };
}

/** Rows a unit card shows per working method or målområde before "Visa alla". */
const ROWS_PER_AREA = 3;

/**
 * A unit's actions grouped by working method and målområde, a few of each with a button for the
 * rest (a unit can own 50 actions: the whole list would not fit a Teams panel), and the actions of
 * all departments as one line with its own button. Asked about cooperation, rows show Samverkan.
 */
function unitSections(answer: Extract<Answer, { kind: 'unit' }>): ListingSection[] {
  const lang = answer.language;
  const unit = answer.unit;
  const sections: ListingSection[] = [];
  const relations = [
    {
      key: 'responsible' as const,
      actions: answer.responsible,
      heading: 'unitResponsible' as const,
      ask: 'unitAreaResponsibleQuestion' as const,
    },
    {
      key: 'cooperates' as const,
      actions: answer.cooperates,
      heading: 'unitCooperates' as const,
      ask: 'unitAreaCooperatesQuestion' as const,
    },
  ];
  for (const relation of relations) {
    if (relation.actions.length === 0) continue;
    const byArea = new Map<string, ActionView[]>();
    for (const a of relation.actions) byArea.set(a.area.id, [...(byArea.get(a.area.id) ?? []), a]);
    let heading = t(relation.heading, lang, { unit, n: relation.actions.length });
    // Cooperation beside responsibility is counted per area (its rows are a button away); spread
    // over many areas, fewer rows each.
    const perArea =
      answer.area !== undefined
        ? Infinity
        : answer.relation === 'both' && relation.key === 'cooperates'
          ? 0
          : byArea.size > 4
            ? ROWS_PER_AREA - 1
            : ROWS_PER_AREA;
    for (const actions of byArea.values()) {
      const first = actions[0]!;
      const areaTitle = areaName(first.area, lang);
      // One more row instead of a button that would show just it.
      const shown = actions.length <= perArea + 1 ? actions : actions.slice(0, perArea);
      const rest = actions.length - shown.length;
      sections.push(
        section({
          heading,
          title: answer.area ? '' : `${areaTitle}: ${first.areaTitle} (${actions.length})`,
          rows: shown.map((a) => (answer.relation === 'cooperates' ? rowWithCooperation(a, lang) : row(a, lang))),
          more:
            rest > 0
              ? [
                  {
                    title: t('showAll', lang, { n: actions.length, area: areaTitle }),
                    question: t(relation.ask, lang, { unit, area: areaTitle }),
                  },
                ]
              : [],
        }),
      );
      heading = '';
    }
  }
  if (answer.allMunicipal.length > 0) {
    sections.push(
      section({
        heading: t('unitAllMunicipal', lang, { n: answer.allMunicipal.length }),
        more: [{ title: t('showAllMunicipal', lang), question: t('allMunicipalQuestion', lang) }],
      }),
    );
  }
  return sections;
}

function rowWithCooperation(a: ActionView, lang: Answer['language']): Record<string, string> {
  return {
    ...row(a, lang),
    owner: `${t('responsible', lang)}: ${a.ansvarig || t('notPrinted', lang)}; ${t('cooperation', lang)}: ${a.samverkan || t('notPrinted', lang)}`,
  };
}

/** One listing of rows (a unit or partner each) under a title and a hint on what to ask next. */
function rowsListing(
  fallbackText: string,
  title: string,
  hint: string,
  rows: Array<Record<string, string>>,
  citation: Citation,
  lang: Language,
): CardSpec {
  return {
    template: 'listing',
    data: { fallbackText, title, subtitleLines: [hint], sections: [section({ rows })], citation: cardCitation(citation, lang) },
  };
}

function messageSpec(title: string, paragraphs: string[], citation: string, fallbackText: string): CardSpec {
  return {
    template: 'message',
    data: { fallbackText, title, paragraphs: paragraphs.map((p) => p.trim()), citationLines: citation ? [citation] : [] },
  };
}

/** More for the help card than the plan's examples: the follow-up's part for this person, or a line for a group. */
export interface HelpExtras {
  sections: Array<{ title: string; lines: string[] }>;
  /** Buttons that send a command, e.g. "min uppföljning". */
  commands: string[];
}

/** The whole help, the welcome at install (the same, titled so), or the short hello a "hej" gets. */
export type HelpKind = 'help' | 'welcome' | 'greeting';

/** Example questions a greeting shows: enough to start, the rest behind "hjälp". */
const GREETING_EXAMPLES = 3;

export function helpSpec(lang: Answer['language'], help: PlanHelp, kind: HelpKind = 'help', extras?: HelpExtras): CardSpec {
  const greeting = kind === 'greeting';
  const examples = greeting ? help.examples.slice(0, GREETING_EXAMPLES) : help.examples;
  const title = t(kind === 'welcome' ? 'welcomeTitle' : greeting ? 'greetingTitle' : 'helpTitle', lang);
  const intro = greeting ? t('greetingIntro', lang, { document: help.source.document }) : t('helpIntro', lang);
  // What anyone can ask comes first, then what is this person's (their round, an admin's commands).
  const sections = [{ title: t('helpExamplesTitle', lang), lines: examples }, ...(extras?.sections ?? [])];
  const commands = extras?.commands ?? [];
  return {
    template: 'help',
    data: {
      fallbackText: [title, intro, ...sections.flatMap((s) => ['', s.title, ...s.lines.map((l) => `• ${l}`)])].join('\n'),
      title,
      intro,
      source: t('helpSource', lang, { document: citedDocument(help.source) }),
      sections,
      // The person's own commands first; the example questions fill the rest (more would hide behind "…").
      buttons: [...commands, ...examples, ...(greeting ? [t('helpCommand', lang)] : [])].slice(0, MAX_EXAMPLE_BUTTONS),
    },
  };
}

/** A title and paragraphs; a list too long for a card keeps its first lines and says how many more ("… +12"). */
export function messageCard(title: string, paragraphs: string[]): Record<string, unknown> {
  const data = { fallbackText: [title, ...paragraphs].join('\n'), title, paragraphs, citationLines: [] };
  return fittedTemplate('message', data, 'paragraphs', (left) => `… +${left}`);
}

/** A listing's sections with the first `n` of their parts (a section's heading and title count as one, then each row). */
function firstParts(sections: ListingSection[], n: number): ListingSection[] {
  const kept: ListingSection[] = [];
  let left = n;
  for (const s of sections) {
    if (left <= 0) break;
    left -= 1;
    const rows = s.rows.slice(0, Math.max(0, left));
    left -= rows.length;
    kept.push({ ...s, rows });
  }
  return kept;
}

/**
 * The answer as a card under Teams' size limit: a listing or a list of actions too long for one
 * card shows its first parts and says how many more, and how to see them (ask for one by its id).
 */
export function answerCard(answer: Answer): Record<string, unknown> {
  const { template, data } = answerCardSpec(answer);
  const lang = answer.language;
  const leftOut = (left: number) => t('cardLeftOut', lang, { n: left });
  if (template === 'actions') return fittedTemplate(template, data, 'actions', leftOut, 'subtitleLines');
  if (template === 'message') return fittedTemplate(template, data, 'paragraphs', leftOut);
  if (template === 'listing') {
    const sections = data.sections as ListingSection[];
    const total = sections.reduce((n, s) => n + 1 + s.rows.length, 0);
    return fitList(total, (n) =>
      n === total
        ? expandCard(template, data)
        : expandCard(template, {
            ...data,
            sections: firstParts(sections, n),
            subtitleLines: [...((data.subtitleLines as string[]) ?? []), leftOut(total - n)],
          }),
    );
  }
  return expandCard(template, data);
}
