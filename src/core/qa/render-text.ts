/** Plain-text rendering of an answer: the card's fallback text and the terminal chat's output. */
import { t } from '../texts/catalog';
import { areaName } from '../plan/areas';
import type { ActionView, Answer, Citation, Language, UnitExpansion } from './answer-model';

export function citationText(citation: Citation, language: Language): string {
  const ids = citation.actionIds.length > 12 ? `${citation.actionIds.slice(0, 12).join(', ')} …` : citation.actionIds.join(', ');
  return `${t('source', language)}: ${citedDocument(citation)}${ids ? `, ${ids}` : ''}`;
}

/** The plan as cited: its title with the registration number where it has one, never an empty "()". */
export function citedDocument(source: { document: string; diarienummer: string }): string {
  const number = source.diarienummer.trim();
  return number ? `${source.document} (${number})` : source.document;
}

/** "Åtgärd 6. Kunskapshöjande insatser › 6.3 Parallella samhällsstrukturer (tryckt som 5.3)" */
/** The action's group and subsection; `printedAs: false` leaves out the importer's note on a misnumbered subsection (for owners' cards). */
export function actionHeading(a: ActionView, language: Language, options: { printedAs?: boolean } = {}): string {
  const note =
    options.printedAs !== false && a.subsection && a.subsection.labelAsPrinted !== a.subsection.label
      ? ` (${t('printedAs', language)} ${a.subsection.labelAsPrinted})`
      : '';
  const sub = a.subsection ? ` › ${a.subsection.label} ${a.subsection.title}${note}` : '';
  return `${a.groupLabel[language]} ${a.group}. ${a.groupTitle}${sub}`;
}

export function actionLines(a: ActionView, language: Language): string[] {
  const dash = t('notPrinted', language);
  const expansions = a.expansions.length ? ` [${a.expansions.map((e) => expansionText(e, language)).join('; ')}]` : '';
  return [
    `${a.id} · ${actionHeading(a, language)}`,
    `  ${a.text}`,
    `  ${t('responsible', language)}: ${a.ansvarig || dash}`,
    `  ${t('cooperation', language)}: ${a.samverkan || dash}`,
    `  ${t('financing', language)}: ${a.finansiering || dash}`,
    ...(expansions ? [`  ${expansions.trim()}`] : []),
  ];
}

/** "VOF = Vård- och omsorgsförvaltningen", marked when the municipality gave it in chat rather than the plan. */
export function expansionText(e: UnitExpansion, lang: Language): string {
  return `${e.code} = ${e.expansion}${e.givenInChat ? ` (${t('glossaryMark', lang)})` : ''}`;
}

/** The heading of a listing across a column, with its count; a plain sentence when nothing matches. */
export function columnTitle(answer: Extract<Answer, { kind: 'column' }>): string {
  const n = answer.actions.length;
  const lang = answer.language;
  const c = answer.criterion;
  if (c.kind === 'no-owner') return t('columnNoOwner', lang, { n });
  if (c.kind === 'no-partner') return t('columnNoPartner', lang, { n });
  if (c.kind === 'no-funding')
    return c.shown === 'without'
      ? t('columnNoFunding', lang, { n })
      : t('columnNoFundingMost', lang, { without: c.without, total: c.total, n });
  if (c.kind === 'qualifier') return t('columnQualifier', lang, { qualifier: c.qualifier, n });
  if (c.kind === 'shared') {
    const units = `${c.units.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${c.units.at(-1)}`;
    return t('columnShared', lang, { units, n });
  }
  return t(c.external ? 'columnExternalFunding' : 'columnFunding', lang, { n });
}

/** "ansvarig i 26, samverkar i 12"; a side with none is left out, not "ansvarig i 0". */
function roleCounts(lang: Language, responsible: number, cooperates: number): string {
  return [
    responsible > 0 ? t('partnerResponsible', lang, { n: responsible }) : '',
    cooperates > 0 ? t('partnerCooperates', lang, { n: cooperates }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "SF: ansvarig i 36, samverkar i 20 (Socialförvaltningen)": each unit of the plan with its share. */
export function unitRows(answer: Extract<Answer, { kind: 'units' }>): Array<{ id: string; text: string; owner: string }> {
  return answer.units.map((u) => ({
    id: u.code,
    text: roleCounts(answer.language, u.responsible, u.cooperates),
    owner: u.expansion ?? '',
  }));
}

/** "Påbörjad – Åtgärden är inledd men behöver utvecklas"; in English with the plan's word beside it. */
export function statusLines(answer: Extract<Answer, { kind: 'statuses' }>): string[] {
  return answer.statuses.map((s) =>
    answer.language === 'en' ? `${s.enLabel} (${s.label}) – ${s.description}` : `${s.label} – ${s.description}`,
  );
}

/** Each partner outside the municipality: its name, how many actions it is in, and which (the first few). */
export function partnerRows(answer: Extract<Answer, { kind: 'partners' }>): Array<{ id: string; text: string; owner: string }> {
  const lang = answer.language;
  const ids = (list: string[]) => (list.length > 6 ? `${list.slice(0, 6).join(', ')} …` : list.join(', '));
  return answer.partners.map((p) => ({
    id: p.code,
    text: roleCounts(lang, p.responsible.length, p.cooperates.length),
    owner: [p.expansion, ids([...p.responsible, ...p.cooperates])].filter(Boolean).join('; '),
  }));
}

/** The rows of a column listing, each with the cell the listing is about (Ansvarig for "no owner": its Samverkan). */
export function columnRows(answer: Extract<Answer, { kind: 'column' }>): Array<{ id: string; text: string; owner: string }> {
  const cell = (a: ActionView) =>
    answer.column === 'finansiering' ? a.finansiering : answer.column === 'samverkan' ? a.samverkan : a.samverkan || a.ansvarig;
  return answer.actions.map((a) => ({
    id: a.id,
    text: a.text.length > 90 ? `${a.text.slice(0, 89)}…` : a.text,
    // Both cells named: "KLF (SÄK); BRÅ" left the reader to guess which was which.
    owner: `${t('responsible', answer.language)}: ${a.ansvarig || t('notPrinted', answer.language)}; ${t(
      answer.column === 'finansiering' ? 'financing' : 'cooperation',
      answer.language,
    )}: ${cell(a) || t('notPrinted', answer.language)}`,
  }));
}

/** "inget i planen om "nuförtiden" … närmast "kamerorna"": the words as the user wrote them. */
export function suggestionsIntro(answer: Extract<Answer, { kind: 'suggestions' }>): string {
  const quoted = (words: string[]) => words.map((w) => `"${w}"`).join(', ');
  const both = (words: string[]) => `${quoted(words.slice(0, -1))} ${answer.language === 'sv' ? 'och' : 'and'} ${quoted(words.slice(-1))}`;
  if (answer.why === 'partly' || (answer.why === 'apart' && answer.matched.length < 2)) {
    return t('suggestionsPartly', answer.language, { matched: quoted(answer.matched) });
  }
  if (answer.why === 'apart') return t('suggestionsApart', answer.language, { matched: both(answer.matched) });
  return t('suggestionsIntro', answer.language, { unmatched: quoted(answer.unmatched), matched: quoted(answer.matched) });
}

function shortRows(actions: Array<Pick<ActionView, 'id' | 'text'>>): string[] {
  return actions.map((a) => `  ${a.id} ${a.text.length > 90 ? `${a.text.slice(0, 89)}…` : a.text}`);
}

function shortList(actions: ActionView[]): string[] {
  return actions.map((a) => `  ${a.id} ${a.text.length > 90 ? `${a.text.slice(0, 89)}…` : a.text} (${a.ansvarig || '–'})`);
}

/** The plan's own word for its groups, counted ("2 mål"), where it gives one. */
export function groupsWord(answer: Extract<Answer, { kind: 'area' }>, lang: Language): { groupsWord?: string } {
  const words = answer.groupWords?.[lang];
  return words ? { groupsWord: words[answer.groups.length === 1 ? 0 : 1] } : {};
}

/** The plan's metadata, a line each, in the answer's language. */
export function planLines(answer: Extract<Answer, { kind: 'plan' }>): string[] {
  const lang = answer.language;
  const period = t(answer.period === 'half-year' ? 'periodHalfYear' : answer.period === 'tertial' ? 'periodTertial' : 'periodYear', lang);
  const statuses = answer.statuses.join(', ');
  const { metadata } = answer;
  const adopted = [metadata.adoptedBy, metadata.adoptedAt].filter(Boolean).join(' ') || '–';
  return t('planLines', lang, {
    title: metadata.title,
    municipality: metadata.municipality || '–',
    diarienummer: metadata.diarienummer || '–',
    adopted,
    validity: metadata.validity || '–',
    version: answer.version,
    n: answer.actionCount,
    period,
    statuses,
  })
    .split('|')
    .filter((line) => !/^(–|Diarienummer: –|Registration number: –)$/.test(line));
}

/** "Sökt som kamerabevakning (kommunens synonym för drönarna)": a word the municipality gave, named where it was used. */
export function readAsLines(readAs: Array<{ word: string; planTerms: string[] }> | undefined, lang: Answer['language']): string[] {
  return (readAs ?? []).map((r) => t('readAs', lang, { word: r.word, terms: r.planTerms.join(', ') }));
}

/** The plan's areas listed: no plural of the plan's own words for them is needed ("Så delar planen in arbetet"). */
export function areasTitle(answer: Extract<Answer, { kind: 'areas' }>): string {
  return t('areasTitle', answer.language);
}

/** "Målområde 1: Organiserad brottslighet … (10 åtgärdsgrupper, 58 åtgärder)", in the plan's own word for its groups. */
export function areaLines(answer: Extract<Answer, { kind: 'areas' }>): string[] {
  const lang = answer.language;
  const words = answer.groupWords?.[lang];
  return answer.areas.map((a) => {
    const groups = t('groupsCount', lang, { n: a.groups, ...(words ? { groupsWord: words[a.groups === 1 ? 0 : 1] } : {}) });
    return `${areaName(a.area, lang)}: ${a.area.title} (${groups}, ${t('actionsCount', lang, { n: a.actions })})`;
  });
}

/**
 * The title over the actions a question found: where they have different owners, said so, so that
 * the first row is not read as the answer when another one is what was meant.
 */
export function matchesTitle(answer: Extract<Answer, { kind: 'actions' }>): string {
  const owners = new Set(answer.actions.map((a) => a.ansvarig));
  return answer.query === 'text' && owners.size > 1
    ? t('matchesOwnersDiffer', answer.language, { n: answer.actions.length })
    : t('matches', answer.language);
}

export function renderText(answer: Answer): string {
  const lang = answer.language;
  switch (answer.kind) {
    case 'actions': {
      const head = answer.group
        ? `${answer.group.label[lang]} ${answer.group.number}. ${answer.group.title} (${answer.group.areaTitle})`
        : matchesTitle(answer);
      return [
        head,
        ...readAsLines(answer.readAs, lang),
        '',
        ...answer.actions.flatMap((a) => [...actionLines(a, lang), '']),
        citationText(answer.citation, lang),
      ].join('\n');
    }
    case 'unit': {
      const unit = answer.expansion ? `${answer.unit} (${answer.expansion})` : answer.unit;
      const lines: string[] = [];
      if (answer.responsible.length === 0 && answer.cooperates.length === 0 && answer.allMunicipal.length === 0) {
        return t('unitNone', lang, { unit });
      }
      if (answer.noneAs) lines.push(t(answer.noneAs === 'responsible' ? 'unitResponsibleNone' : 'unitCooperatesNone', lang, { unit }), '');
      // An empty side is a plain sentence, not a header over nothing.
      if (answer.relation !== 'cooperates')
        lines.push(
          ...(answer.responsible.length
            ? [`${t('unitResponsible', lang, { unit, n: answer.responsible.length })}:`, ...shortList(answer.responsible), '']
            : [t('unitResponsibleNone', lang, { unit }), '']),
        );
      if (answer.relation !== 'responsible')
        lines.push(
          ...(answer.cooperates.length
            ? [`${t('unitCooperates', lang, { unit, n: answer.cooperates.length })}:`, ...shortList(answer.cooperates), '']
            : [t('unitCooperatesNone', lang, { unit }), '']),
        );
      if (answer.allMunicipal.length)
        lines.push(`${t('unitAllMunicipal', lang, { n: answer.allMunicipal.length })}:`, ...shortList(answer.allMunicipal), '');
      return [...lines, citationText(answer.citation, lang)].join('\n');
    }
    case 'funder': {
      const funder = answer.expansion ? `${answer.funder} (${answer.expansion})` : answer.funder;
      // Never an empty header ("SF finansierar 0 åtgärder:"): a plain sentence.
      if (answer.actions.length === 0) return t('funderNone', lang, { funder });
      return [
        `${t('funderActions', lang, { funder, n: answer.actions.length })}:`,
        '',
        ...answer.actions.flatMap((a) => [...actionLines(a, lang), '']),
        citationText(answer.citation, lang),
      ].join('\n');
    }
    case 'abbreviation': {
      const head = answer.expansion
        ? t('abbreviation', lang, { term: answer.term, expansion: answer.expansion })
        : t(answer.source === 'plan-unexplained' ? 'abbreviationUnexplained' : 'abbreviationFromGlossary', lang, {
            term: answer.term,
          });
      // Given in chat by the municipality: said so, with who and when; without one, how to give it.
      const given = answer.setBy
        ? t('glossarySetBy', lang, { who: answer.setBy, date: (answer.setAt ?? '').slice(0, 10) })
        : !answer.expansion && answer.source === 'glossary'
          ? t('glossaryHowToSet', lang, { term: answer.term })
          : '';
      const used = answer.usedIn.length ? `${t('usedIn', lang)}: ${answer.usedIn.join(', ')}` : '';
      // A glossary's name is only as good as where it was found: that page is said with it.
      const notes =
        answer.source === 'glossary' && answer.expansion && !answer.setBy
          ? answer.notes.map((n) => t('nameSource', lang, { source: n }))
          : answer.notes.map((n) => `  ${n}`);
      return [head, given, ...notes, used, answer.citation ? citationText(answer.citation, lang) : ''].filter(Boolean).join('\n');
    }
    case 'areas':
      return [`${areasTitle(answer)}:`, ...areaLines(answer).map((l) => `  ${l}`), '', citationText(answer.citation, lang)].join('\n');
    case 'area': {
      const label = `${areaName(answer.area, lang)}: ${answer.area.title}`;
      return [
        `${t('areaContains', lang, { area: label, n: answer.groups.length, ...groupsWord(answer, lang) })}:`,
        ...answer.groups.map(
          (g) => `  ${answer.groupLabel[lang]} ${g.number}. ${g.title} (${t('actionsCount', lang, { n: g.actionCount })})`,
        ),
        '',
        citationText(answer.citation, lang),
      ].join('\n');
    }
    case 'column':
      return [
        columnTitle(answer),
        ...columnRows(answer).map((r) => `  ${r.id} ${r.text} (${r.owner})`),
        '',
        citationText(answer.citation, lang),
      ].join('\n');
    case 'suggestions':
      return [t('suggestionsTitle', lang), suggestionsIntro(answer), ...shortRows(answer.actions)].join('\n');
    case 'help':
      return [t('helpTitle', lang), t('helpIntro', lang), ...answer.examples.map((e) => `  • ${e}`)].join('\n');
    case 'statuses':
      return [t('statusesTitle', lang), ...statusLines(answer).map((l) => `  ${l}`), '', citationText(answer.citation, lang)].join('\n');
    case 'units':
      return [
        t('unitsTitle', lang, { n: answer.units.length }),
        ...unitRows(answer).map((r) => `  ${r.id}: ${r.text}${r.owner ? ` (${r.owner})` : ''}`),
        t('unitsHint', lang, { example: answer.units[0]?.code ?? '' }),
        '',
        citationText(answer.citation, lang),
      ].join('\n');
    case 'partners':
      return [
        t('partnersTitle', lang, { n: answer.partners.length }),
        ...partnerRows(answer).map((r) => `  ${r.id}: ${r.text} (${r.owner})`),
        t('partnersHint', lang, { example: answer.partners[0]?.code ?? '' }),
        '',
        citationText(answer.citation, lang),
      ].join('\n');
    case 'passage':
      return [
        t('passageIntro', lang, { heading: answer.heading }),
        ...answer.paragraphs,
        '',
        `${t('source', lang)}: ${citedDocument(answer.citation)}, ${t('passageSection', lang, { heading: answer.heading })}`,
      ].join('\n');
    case 'thanks':
      return `${t('thanksTitle', lang)} ${t('thanks', lang, { example: answer.example })}`;
    case 'plan':
      return [t('planTitle', lang), ...planLines(answer), '', ...answer.areas.map((a) => `  ${a}`)].join('\n');
    case 'not-found': {
      const key = {
        'no-match': 'notFoundNoMatch',
        'no-topic': 'notFoundNoTopic',
        'outside-plan': answer.detail === 'contact' ? 'outsidePlanContact' : 'outsidePlanFigures',
        'unknown-action-id': 'notFoundActionId',
        'unknown-group': 'notFoundGroup',
        'unknown-area': 'notFoundArea',
        'unknown-term': 'notFoundTerm',
        empty: 'empty',
        'too-long': 'tooLong',
      } as const;
      return t(key[answer.reason], lang, { detail: answer.detail ?? '', ...answer.values });
    }
  }
}
