/**
 * The cards that show a follow-up command's result: a notice, a refusal in the user's words, a
 * status view, the contacts with their form. Plain data in, a card out; no store, no Teams.
 */
import { t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import type { StatusView } from '../../usecases/view-status';
import type { Contact } from '../../core/followup/model';
import { peopleWhoAsked, type MunicipalityWord, type UnknownWord } from '../../core/qa/municipality-words';
import { fittedTemplate } from '../cards/fit-card';
import { expandCard } from '../cards/render';
import { messageCard } from '../cards/answer-cards';
import { unbreakableId } from '../../core/typed-text';
import type { GlossaryOverview } from '../../usecases/glossary';
import { MAX_EXPANSION_LENGTH } from '../../usecases/glossary';

export type Card = Record<string, unknown>;

export function notice(text: string): Card {
  return messageCard(text, []);
}

/** The contacts per unit, with a form to change one unit's contacts. */
/**
 * The contacts per unit and a form to change one unit's. With many units the card keeps as many
 * rows as fit and says how to see one unit (`only`: "kontakter SF"); the unit just saved (`first`)
 * comes first, so its row is always seen.
 */
export function contactsCard(
  listed: { units: string[]; contacts: readonly Contact[] },
  lang: Language,
  noticeText?: FormNotice,
  focus: { only?: string; first?: string; domain?: string } = {},
): Card {
  const { units, contacts } = listed;
  // The municipality's own addresses, as the admin's is; a neutral domain where that is not known.
  const domain = focus.domain && /^[\p{L}\d.-]+\.[\p{L}]{2,}$/u.test(focus.domain) ? focus.domain : 'exempel.se';
  const match = (u: string, name?: string) => name !== undefined && u.toLocaleLowerCase('sv') === name.trim().toLocaleLowerCase('sv');
  const shown =
    focus.only !== undefined
      ? units.filter((u) => match(u, focus.only))
      : [...units.filter((u) => match(u, focus.first)), ...units.filter((u) => !match(u, focus.first))];
  const rows = (focus.only !== undefined && shown.length === 0 ? [] : shown).map((unit) => ({
    unit,
    people:
      contacts
        .filter((c) => c.unit === unit)
        .map((c) => c.person.upn ?? c.person.aadObjectId ?? '')
        .join(', ') || t('contactsNone', lang),
  }));
  const data = {
    fallbackText: rows.map((r) => `${r.unit}: ${r.people}`).join('\n'),
    title: t('contactsTitle', lang),
    rows,
    moreLines: focus.only !== undefined && rows.length === 0 ? [t('unknownUnit', lang, { unit: focus.only })] : [],
    units,
    ...noticeFields(noticeText),
    lang,
    labels: {
      formTitle: t('contactsFormTitle', lang),
      unit: t('contactsUnit', lang),
      unitRequired: t('contactsUnitRequired', lang),
      people: t('contactsPeople', lang),
      peopleExample: `anna.andersson@${domain}, erik.eriksson@${domain}`,
      save: t('save', lang),
    },
  };
  return fittedTemplate('contacts-form', data, 'rows', (n) => t('moreUnitsContacts', lang, { n }), 'moreLines');
}

/** What a form card says about its last save: done (green) or refused (the attention colour). */
export interface FormNotice {
  text: string;
  kind: 'good' | 'attention';
}

/** A FormNotice as the form templates' notice block wants it. */
function noticeFields(noticeText?: FormNotice): { noticeLines: string[]; noticeColor: string } {
  return { noticeLines: noticeText ? [noticeText.text] : [], noticeColor: noticeText?.kind === 'attention' ? 'Attention' : 'Good' };
}

/** The municipality's words given that a card lists at most; "synonymer" lists them all. */
const GIVEN_WORDS_SHOWN = 40;

/**
 * For admins: the words of questions that found nothing, most asked first, the words given, and a
 * form to give one (the most asked filled in), with what happened to the last one given.
 */
export function wordsCard(view: { unknown: UnknownWord[]; given: MunicipalityWord[] }, lang: Language, noticeText?: FormNotice): Card {
  const unknown = view.unknown.map((w) => ({
    word: w.word,
    times: t('unknownWordPeople', lang, { people: peopleWhoAsked(w), date: w.lastSeen.slice(0, 10) }),
  }));
  const given = view.given.map((w) => `${w.word} = ${w.planTerms.join(', ')} (${w.setBy}, ${w.setAt.slice(0, 10)})`);
  const givenLines = given.length
    ? [
        ...given.slice(0, GIVEN_WORDS_SHOWN),
        ...(given.length > GIVEN_WORDS_SHOWN ? [t('wordsMore', lang, { n: given.length - GIVEN_WORDS_SHOWN })] : []),
      ]
    : [t('wordsNoneGiven', lang)];
  const intro = unknown.length ? t('unknownWordsIntro', lang) : t('unknownWordsEmpty', lang);
  const data = {
    fallbackText: [intro, ...unknown.map((w) => `${w.word} – ${w.times}`)].join('\n'),
    title: t('unknownWordsTitle', lang),
    intro,
    unknown,
    givenTitle: t('wordsTitle', lang),
    givenLines,
    suggestedWord: unknown[0]?.word ?? '',
    ...noticeFields(noticeText),
    lang,
    labels: {
      formTitle: t('wordsFormTitle', lang),
      formHelp: t('wordsFormHelp', lang),
      word: t('wordsFormWord', lang),
      wordExample: t('wordsFormWordExample', lang),
      wordRequired: t('wordsFormWordRequired', lang),
      terms: t('wordsFormTerms', lang),
      termsExample: t('wordsFormTermsExample', lang),
      termsRequired: t('wordsFormTermsRequired', lang),
      save: t('save', lang),
    },
    unknownMoreLines: [] as string[],
  };
  return fittedTemplate('words-form', data, 'unknown', (n) => `… +${n}`, 'unknownMoreLines');
}

/**
 * `ordlista`: the codes nobody has named, the names given in chat with who and when, and for
 * admins a form to name one (the first unnamed code chosen), with what happened to the last one.
 */
export function glossaryCard(view: GlossaryOverview, lang: Language, noticeText?: FormNotice): Card {
  const unnamedLine = view.unnamed.length
    ? t('glossaryUnnamedLine', lang, { n: view.unnamed.length, codes: view.unnamed.join(', ') })
    : t('glossaryAllNamed', lang);
  const given = view.given.map((e) => `${e.code} = ${e.expansion} (${e.setBy}, ${e.setAt.slice(0, 10)})`);
  const givenLines = given.length
    ? [
        ...given.slice(0, GIVEN_WORDS_SHOWN),
        ...(given.length > GIVEN_WORDS_SHOWN ? [t('wordsMore', lang, { n: given.length - GIVEN_WORDS_SHOWN })] : []),
      ]
    : [t('glossaryEmpty', lang)];
  const title = t('glossaryTitle', lang);
  const data = {
    fallbackText: [title, unnamedLine, ...given].join('\n'),
    title,
    intro: t('glossaryIntro', lang),
    unnamedTitle: t('glossaryUnnamedTitle', lang),
    unnamedLine,
    givenTitle: t('glossaryGivenTitle', lang),
    givenLines,
    canEdit: view.canEdit,
    codes: view.codes,
    suggestedCode: view.unnamed[0] ?? '',
    maxExpansion: MAX_EXPANSION_LENGTH,
    ...noticeFields(noticeText),
    lang,
    labels: {
      formTitle: t('glossaryFormTitle', lang),
      formHelp: t('glossaryFormHelp', lang),
      code: t('glossaryFormCode', lang),
      codeRequired: t('glossaryFormCodeRequired', lang),
      expansion: t('glossaryFormExpansion', lang),
      expansionExample: t('glossaryFormExpansionExample', lang),
      expansionRequired: t('glossaryFormExpansionRequired', lang),
      save: t('save', lang),
    },
  };
  // Bounded by construction: codes by the plan's unit limit (150), given names by GIVEN_WORDS_SHOWN.
  return expandCard('glossary-form', data);
}

/** A status view as a card: an action's answers per unit, or a unit's progress. */
export function statusCard(view: StatusView, lang: Language): Card {
  const line = (r: StatusView['rows'][number]) =>
    r.status
      ? `${r.unit}: ${r.statusLabel} – ${r.description} (${r.answeredBy}${r.onBehalf ? `, ${t('onBehalf', lang)}` : ''}, ${r.answeredAt.slice(0, 10)})`
      : `${r.unit}: ${t('notReported', lang)}`;
  if (view.kind === 'action')
    return messageCard(t('actionStatusTitle', lang, { actionId: view.actionId, year: view.year }), [
      view.actionText,
      ...view.rows.map(line),
    ]);
  const { unit, missing } = view;
  const title = t('unitStatusTitle', lang, { unit: unit.unit, year: view.year, answered: unit.answered, total: unit.total });
  return messageCard(title, [
    view.counts.map((c) => `${c.label} ${c.n}`).join(' · '),
    ...(missing.length
      ? [t('missingList', lang, { ids: missing.slice(0, 40).map(unbreakableId).join(', ') + (missing.length > 40 ? ' …' : '') })]
      : []),
    t('contactsOf', lang, { people: unit.contacts.join(', ') || '–' }),
  ]);
}
