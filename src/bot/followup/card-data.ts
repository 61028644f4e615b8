/**
 * What each card action sends, typed once at the edge: the card's data (its template's `data` and
 * the inputs Teams merges into it) read into plain fields. Anything missing or of another type
 * becomes '' or undefined, which the use cases refuse in the user's words.
 */
import type { Language } from '../../core/language';
import { actionLanguage } from '../language';
import { withoutHiddenControls } from '../../core/plain-text';

type Raw = Record<string, unknown>;

/** A string field as sent, without hidden controls (bidi overrides, zero-width characters); anything else is none. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? withoutHiddenControls(value) : undefined);
/** An id or number a card carries as text ("2024", "A16-1"). */
const field = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Every card says which language it was made in; the answer is in it. */
export interface CardData {
  lang: Language;
}

/** The round card: where it is, and what the person typed. */
export interface RoundCardData extends CardData {
  year: string;
  actionId: string;
  unit: string;
  status?: string;
  description?: string;
  /** When the answer the card showed was saved ('none': it showed none). */
  seen?: string;
}

export interface StartData extends CardData {
  year: string;
  deadline: string;
}

export interface ContactsData extends CardData {
  unit: string;
  /** The people typed in the form, one field. */
  people: string;
}

export interface WordsData extends CardData {
  word: string;
  terms: string;
}

/** The glossary form: a code of the plan and the full name an admin gives it. */
export interface GlossaryData extends CardData {
  code: string;
  expansion: string;
}

export interface RemindData extends CardData {
  year: string;
  /** Pressed on the confirmation card (else: asked from a summary, which first shows the confirmation). */
  confirmed: boolean;
  /** The outcome takes the card's place (the confirmation), or is said below it (a summary). */
  replaceCard: boolean;
}

export interface AnswerForData extends CardData {
  unit: string;
}

export interface ExportData extends CardData {
  year: string;
  format: string;
}

export interface CloseData extends CardData {
  year: string;
}

export interface CancelData extends CardData {
  cancels: 'remind' | 'start' | 'close' | 'forget' | 'delete';
}

/** Radera on the erasure's confirmation: the person as the card named them. */
export interface ForgetData extends CardData {
  person: string;
}

const lang = (data: Raw): CardData => ({ lang: actionLanguage(data) });

export const cardData = {
  round: (d: Raw): RoundCardData => ({
    ...lang(d),
    year: field(d.year),
    actionId: field(d.actionId),
    unit: field(d.unit),
    ...(text(d.status) !== undefined ? { status: text(d.status) } : {}),
    ...(text(d.description) !== undefined ? { description: text(d.description) } : {}),
    ...(text(d.seen) !== undefined ? { seen: text(d.seen) } : {}),
  }),
  start: (d: Raw): StartData => ({ ...lang(d), year: field(d.year), deadline: field(d.deadline) }),
  contacts: (d: Raw): ContactsData => ({ ...lang(d), unit: field(d.unit), people: text(d.people) ?? '' }),
  glossary: (d: Raw): GlossaryData => ({
    ...lang(d),
    code: (text(d.code) ?? '').slice(0, 200),
    expansion: (text(d.expansion) ?? '').slice(0, 400),
  }),
  words: (d: Raw): WordsData => ({ ...lang(d), word: (text(d.word) ?? '').slice(0, 400), terms: (text(d.terms) ?? '').slice(0, 400) }),
  remind: (d: Raw): RemindData => ({
    ...lang(d),
    year: field(d.year),
    confirmed: d.confirmed === true,
    replaceCard: d.replaceCard === true,
  }),
  answerFor: (d: Raw): AnswerForData => ({ ...lang(d), unit: field(d.unit) }),
  export: (d: Raw): ExportData => ({ ...lang(d), year: field(d.year), format: field(d.format) }),
  close: (d: Raw): CloseData => ({ ...lang(d), year: field(d.year) }),
  cancel: (d: Raw): CancelData => ({
    ...lang(d),
    cancels: d.cancels === 'remind' || d.cancels === 'close' || d.cancels === 'forget' || d.cancels === 'delete' ? d.cancels : 'start',
  }),
  forget: (d: Raw): ForgetData => ({ ...lang(d), person: field(d.person).slice(0, 320) }),
};
