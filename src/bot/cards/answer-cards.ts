/** Turns an answer from the core into a card: picks the template and prepares its data. */
import type { ActionView, Answer } from '../../core/qa/answer-model';
import { phrase } from '../../core/qa/phrases';
import { actionHeading, citationText, columnRows, columnTitle, renderText, suggestionsIntro } from '../../core/qa/render-text';
import { expandCard, type TemplateName } from './render';
import { unbreakableId } from '../../core/typed-text';

/** Teams shows at most six buttons comfortably. */
const MAX_EXAMPLE_BUTTONS = 6;
const ROW_TEXT_LIMIT = 110;
/** The fallback only needs to be readable; long listings are cut so the card stays under Teams' size limit. */
const FALLBACK_LIMIT = 3000;

interface CardSpec {
  template: TemplateName;
  data: Record<string, unknown>;
}

function actionData(a: ActionView, lang: Answer['language']): Record<string, string | string[]> {
  const notPrinted = phrase('notPrinted', lang);
  return {
    id: unbreakableId(a.id),
    heading: actionHeading(a, lang),
    text: a.text,
    ansvarig: a.ansvarig || notPrinted,
    samverkan: a.samverkan || notPrinted,
    finansiering: a.finansiering || notPrinted,
    expansionLines: a.expansions.length ? [a.expansions.map((e) => `${e.code} = ${e.expansion}`).join(' · ')] : [],
  };
}

function row(a: ActionView): Record<string, string> {
  return {
    id: unbreakableId(a.id),
    text: a.text.length > ROW_TEXT_LIMIT ? `${a.text.slice(0, ROW_TEXT_LIMIT - 1)}…` : a.text,
    owner: a.ansvarig || '–',
  };
}

const labels = (lang: Answer['language']) => ({
  responsible: phrase('responsible', lang),
  cooperation: phrase('cooperation', lang),
  financing: phrase('financing', lang),
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
          title: answer.group ? `${phrase('group', lang)} ${answer.group.number}. ${answer.group.title}` : phrase('matches', lang),
          subtitleLines: answer.group ? [answer.group.areaTitle] : [],
          actions: answer.actions.map((a) => actionData(a, lang)),
          citation: citationText(answer.citation, lang),
        },
      };
    case 'funder':
      return {
        template: 'actions',
        data: {
          fallbackText,
          labels: labels(lang),
          title: phrase('funderActions', lang, { funder: answer.funder, n: answer.actions.length }),
          subtitleLines: answer.expansion ? [answer.expansion] : [],
          actions: answer.actions.map((a) => actionData(a, lang)),
          citation: citationText(answer.citation, lang),
        },
      };
    case 'unit': {
      const unit = answer.unit;
      const sections = [
        answer.relation !== 'cooperates' && {
          heading: phrase('unitResponsible', lang, { unit, n: answer.responsible.length }),
          rows: answer.responsible.map(row),
        },
        answer.relation !== 'responsible' && {
          heading: phrase('unitCooperates', lang, { unit, n: answer.cooperates.length }),
          rows: answer.cooperates.map(row),
        },
        answer.allMunicipal.length > 0 && {
          heading: phrase('unitAllMunicipal', lang, { n: answer.allMunicipal.length }),
          rows: answer.allMunicipal.map(row),
        },
      ].filter(
        (s): s is { heading: string; rows: Array<Record<string, string>> } => Boolean(s) && (s as { rows: unknown[] }).rows.length > 0,
      );
      if (sections.length === 0) return messageSpec(unit, [phrase('unitNone', lang, { unit })], '', fallbackText);
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: unit,
          subtitleLines: answer.expansion ? [answer.expansion] : [],
          sections,
          citation: citationText(answer.citation, lang),
        },
      };
    }
    case 'area':
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: `${phrase(answer.area.kind, lang)} ${answer.area.number}: ${answer.area.title}`,
          subtitleLines: [],
          sections: [
            {
              heading: phrase('areaContains', lang, {
                area: `${phrase(answer.area.kind, lang)} ${answer.area.number}`,
                n: answer.groups.length,
              }),
              rows: answer.groups.map((g) => ({
                id: String(g.number),
                text: g.title,
                owner: phrase('actionsCount', lang, { n: g.actionCount }),
              })),
            },
          ],
          citation: citationText(answer.citation, lang),
        },
      };
    case 'abbreviation':
    case 'not-found': {
      const [first, ...rest] = full.split('\n');
      const citation = answer.kind === 'abbreviation' && answer.citation ? citationText(answer.citation, lang) : '';
      const paragraphs = rest.filter((l) => l.trim() && !l.startsWith(phrase('source', lang)));
      return messageSpec(first ?? '', paragraphs, citation, fallbackText);
    }
    case 'help':
      return helpSpec(lang, answer.examples);
    case 'column':
      return {
        template: 'listing',
        data: {
          fallbackText,
          title: columnTitle(answer),
          subtitleLines: [],
          sections: answer.actions.length
            ? [{ heading: '', rows: columnRows(answer).map((r) => ({ ...r, id: unbreakableId(r.id) })) }]
            : [{ heading: phrase('columnNone', lang), rows: [] }],
          citation: citationText(answer.citation, lang),
        },
      };
    case 'suggestions':
      return {
        template: 'suggestions',
        data: {
          fallbackText,
          title: phrase('suggestionsTitle', lang),
          intro: suggestionsIntro(answer),
          // Each a button that asks for the action by its id: the answer then names who is responsible.
          actions: answer.actions.map((a) => ({
            id: a.id,
            label: unbreakableId(a.id),
            text: a.text.length > ROW_TEXT_LIMIT ? `${a.text.slice(0, ROW_TEXT_LIMIT - 1)}…` : a.text,
          })),
        },
      };
  }
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

export function helpSpec(lang: Answer['language'], examples: string[], welcome = false, extras?: HelpExtras): CardSpec {
  const title = welcome ? phrase('welcomeTitle', lang) : phrase('helpTitle', lang);
  const intro = phrase('helpIntro', lang);
  const sections = extras?.sections ?? [];
  const commands = extras?.commands ?? [];
  return {
    template: 'help',
    data: {
      fallbackText: [
        title,
        intro,
        ...examples.map((e) => `• ${e}`),
        ...sections.flatMap((s) => ['', s.title, ...s.lines.map((l) => `• ${l}`)]),
      ].join('\n'),
      title,
      intro,
      source:
        lang === 'sv'
          ? 'Svaren bygger på Åtgärdsplan för det brottsförebyggande och trygghetsskapande arbetet (KS 2023-638).'
          : 'Answers are based on the action plan KS 2023-638.',
      sections,
      // The person's own commands first; the example questions fill the rest (more would hide behind "…").
      buttons: [...commands, ...examples].slice(0, MAX_EXAMPLE_BUTTONS),
    },
  };
}

export function messageCard(title: string, paragraphs: string[]): Record<string, unknown> {
  return expandCard('message', { fallbackText: [title, ...paragraphs].join('\n'), title, paragraphs, citationLines: [] });
}

export function answerCard(answer: Answer): Record<string, unknown> {
  const spec = answerCardSpec(answer);
  return expandCard(spec.template, spec.data);
}
