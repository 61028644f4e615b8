/**
 * Every chat command, as its reference shows it: the syntax in Swedish and English, an example that
 * the parser (commands.ts) reads as this command, who may use it, and what it does.
 * docs/reference/commands.md is generated from this table (npm run docs:reference); a test fails
 * when a command kind is missing here, an example does not parse to its kind, or the page is stale.
 */
import type { FollowUpCommand } from './commands';

export type CommandKind = Exclude<FollowUpCommand['kind'], 'invalid'>;

export interface CommandDoc {
  kind: CommandKind;
  sv: string;
  en: string;
  /** Typed as a user would, in Swedish: parses to `kind`. */
  example: string;
  who: 'admin' | 'contact' | 'admin or contact';
  what: string;
}

export const COMMAND_DOCS: readonly CommandDoc[] = [
  {
    kind: 'start-round',
    sv: 'starta uppföljning <år> senast <ÅÅÅÅ-MM-DD>',
    en: 'start follow-up <year> by <YYYY-MM-DD>',
    example: 'starta uppföljning 2025 senast 2026-02-28',
    who: 'admin',
    what: 'shows who will be asked and who cannot be reached; Starta sends each contact their card',
  },
  {
    kind: 'remind',
    sv: 'påminn [<år>]',
    en: 'remind [<year>]',
    example: 'påminn',
    who: 'admin',
    what: 'says how many get a reminder; Skicka sends it to those who have not finished',
  },
  {
    kind: 'close-round',
    sv: 'stäng uppföljning [<år>]',
    en: 'close follow-up [<year>]',
    example: 'stäng uppföljning 2025',
    who: 'admin',
    what: 'shows what is still missing; Stäng closes the round (it also closes by itself at the deadline)',
  },
  {
    kind: 'reopen-round',
    sv: 'återöppna uppföljning <år> senast <ÅÅÅÅ-MM-DD>',
    en: 'reopen follow-up <year> by <YYYY-MM-DD>',
    example: 'återöppna uppföljning 2025 senast 2026-03-31',
    who: 'admin',
    what: 'opens a closed round again with a new deadline; those who had not finished get their card again',
  },
  {
    kind: 'summary',
    sv: 'sammanställning [<år>]',
    en: 'summary [<year>]',
    example: 'sammanställning 2025',
    who: 'admin',
    what: 'the summary card: statuses per area, response rate per unit, late units; reminders, the report, the archive package',
  },
  {
    kind: 'action-status',
    sv: 'status för åtgärd <id> [<år>]',
    en: 'status for action <id> [<year>]',
    example: 'status för åtgärd A3-1',
    who: 'admin or contact',
    what: "an action's answers per unit (a contact sees their own units')",
  },
  {
    kind: 'unit-status',
    sv: 'hur går det för <enhet>? [<år>]',
    en: 'how is <unit> doing? [<year>]',
    example: 'hur går det för SF?',
    who: 'admin or contact',
    what: "a unit's progress in the round",
  },
  {
    kind: 'my-round',
    sv: 'min uppföljning',
    en: 'my follow-up',
    example: 'min uppföljning',
    who: 'contact',
    what: "your units' round card again, where you left off",
  },
  {
    kind: 'answer-for-unit',
    sv: 'svara för <enhet>',
    en: 'answer for <unit>',
    example: 'svara för Polisen',
    who: 'admin',
    what: 'the round card of a unit without contacts, to answer on its behalf',
  },
  {
    kind: 'list-contacts',
    sv: 'kontakter [<enhet>]',
    en: 'contacts [<unit>]',
    example: 'kontakter',
    who: 'admin',
    what: "every unit's contacts (or one unit's), with a form to change them",
  },
  {
    kind: 'add-contacts',
    sv: 'kontakt <enhet> <e-post> [<e-post> …]',
    en: 'contact <unit> <e-mail> [<e-mail> …]',
    example: 'kontakt SF anna.andersson@kommun.se',
    who: 'admin',
    what: 'adds contacts for a unit (by e-mail or Entra object id); they are looked up in the directory',
  },
  {
    kind: 'remove-contact',
    sv: 'ta bort kontakt <enhet> <e-post>',
    en: 'remove contact <unit> <e-mail>',
    example: 'ta bort kontakt SF anna.andersson@kommun.se',
    who: 'admin',
    what: "removes one of a unit's contacts",
  },
  {
    kind: 'add-admin',
    sv: 'admin <e-post>',
    en: 'admin <e-mail>',
    example: 'admin sara.svensson@kommun.se',
    who: 'admin',
    what: 'makes someone an admin',
  },
  {
    kind: 'remove-admin',
    sv: 'ta bort admin <e-post>',
    en: 'remove admin <e-mail>',
    example: 'ta bort admin sara.svensson@kommun.se',
    who: 'admin',
    what: 'takes the admin role away',
  },
  {
    kind: 'set-safety-chief',
    sv: 'säkerhetschef <e-post>',
    en: 'safety chief <e-mail>',
    example: 'säkerhetschef eva.ek@kommun.se',
    who: 'admin',
    what: 'names the safety chief, who gets the summaries and is an admin',
  },
  {
    kind: 'list-glossary',
    sv: 'ordlista',
    en: 'glossary',
    example: 'ordlista',
    who: 'admin',
    what: "the plan's unit codes and their names, with a form for those without one",
  },
  {
    kind: 'set-glossary',
    sv: 'ordlista <kod> <namn>',
    en: 'glossary <code> <name>',
    example: 'ordlista HBE Hälsa, beteende och evenemang',
    who: 'admin',
    what: 'says what a unit code of the plan stands for',
  },
  {
    kind: 'set-word',
    sv: 'synonym <ord> = <planens ord>',
    en: "synonym <word> = <plan's words>",
    example: 'synonym övervakning = kamerabevakning',
    who: 'admin',
    what: 'a word staff use for something in the plan',
  },
  {
    kind: 'remove-word',
    sv: 'ta bort synonym <ord>',
    en: 'remove synonym <word>',
    example: 'ta bort synonym övervakning',
    who: 'admin',
    what: 'takes such a word back',
  },
  {
    kind: 'list-words',
    sv: 'synonymer',
    en: 'synonyms',
    example: 'synonymer',
    who: 'admin',
    what: "the municipality's words, who gave them and when",
  },
  {
    kind: 'list-unknown-words',
    sv: 'okända ord',
    en: 'unknown words',
    example: 'okända ord',
    who: 'admin',
    what: 'the words of questions that found nothing, most asked first, with a form to give them',
  },
  {
    kind: 'diagnose',
    sv: 'diagnos',
    en: 'diagnose',
    example: 'diagnos',
    who: 'admin',
    what: 'what the bot lacks in your tenant (permissions, database, app catalog), as npm run doctor',
  },
  {
    kind: 'show-personal-data',
    sv: 'personuppgifter <e-post>',
    en: 'personal data <e-mail>',
    example: 'personuppgifter anna.andersson@kommun.se',
    who: 'admin',
    what: 'everything the bot keeps about one person (GDPR art. 15)',
  },
  {
    kind: 'forget-person',
    sv: 'glöm <e-post>',
    en: 'forget <e-mail>',
    example: 'glöm anna.andersson@kommun.se',
    who: 'admin',
    what: 'erases a person after Radera; their answers stay with their unit as "borttagen person" (GDPR art. 17)',
  },
  {
    kind: 'delete-round',
    sv: 'radera uppföljning <år>',
    en: 'delete follow-up <year>',
    example: 'radera uppföljning 2019',
    who: 'admin',
    what: 'deletes a closed round once its archive package has been taken, after a confirmation',
  },
];

/**
 * Every command kind, so that a new one fails to compile until it is named here, and then the test
 * fails until it has its row in COMMAND_DOCS.
 */
export const COMMAND_KINDS: Record<CommandKind, true> = {
  'start-round': true,
  'close-round': true,
  'reopen-round': true,
  remind: true,
  'list-contacts': true,
  'add-contacts': true,
  'remove-contact': true,
  'add-admin': true,
  'remove-admin': true,
  'set-safety-chief': true,
  'set-glossary': true,
  'list-glossary': true,
  'set-word': true,
  'remove-word': true,
  'list-words': true,
  'list-unknown-words': true,
  'my-round': true,
  'answer-for-unit': true,
  summary: true,
  diagnose: true,
  'action-status': true,
  'unit-status': true,
  'show-personal-data': true,
  'forget-person': true,
  'delete-round': true,
};
