/**
 * The follow-up's chat commands, Swedish first, English too. Pure parsing: what was asked, not
 * whether the user may.
 */
import type { Person } from '../../core/followup/model';
import { parsePerson } from '../../core/followup/person';
import { plainTyped } from '../../core/typed-text';
import { parseRoundRef, ROUND_REF } from '../../core/followup/periods';
import { isCalendarDate } from '../../core/followup/schedule';

export { parsePerson };

export type FollowUpCommand =
  | { kind: 'start-round'; year: number; deadline: string | null }
  | { kind: 'close-round'; year: number | null }
  /** 'återöppna uppföljning 2024 senast 2025-03-31': a closed round open again, with a new deadline. */
  | { kind: 'reopen-round'; year: number | null; deadline: string }
  | { kind: 'remind'; year: number | null }
  /** All units' contacts, or one unit's ('kontakter SF'): a card holds a few dozen units. */
  | { kind: 'list-contacts'; unit?: string }
  | { kind: 'add-contacts'; unit: string; people: Person[] }
  | { kind: 'remove-contact'; unit: string; person: Person }
  | { kind: 'add-admin'; person: Person }
  | { kind: 'remove-admin'; person: Person }
  | { kind: 'set-safety-chief'; person: Person }
  | { kind: 'set-glossary'; code: string; expansion: string }
  | { kind: 'list-glossary' }
  /** The municipality's own word for words of the plan ("synonym kamera = kamerabevakning"). */
  | { kind: 'set-word'; word: string; terms: string }
  | { kind: 'remove-word'; word: string }
  | { kind: 'list-words' }
  /** The words of questions that found nothing, to give. */
  | { kind: 'list-unknown-words' }
  | { kind: 'my-round' }
  /** An admin answering on behalf of a unit (one without contacts, say): its round card. */
  | { kind: 'answer-for-unit'; unit: string }
  | { kind: 'summary'; year: number | null }
  | { kind: 'diagnose' }
  | { kind: 'action-status'; actionId: string; year: number | null }
  | { kind: 'unit-status'; unit: string; year: number | null }
  /** Everything kept about one person (GDPR), and erasing it after a confirmation. */
  | { kind: 'show-personal-data'; person: Person }
  | { kind: 'forget-person'; person: Person }
  /** A closed, archived round removed from the bot after a confirmation. */
  | { kind: 'delete-round'; year: number | null }
  | { kind: 'invalid'; message: 'person' | 'date' | 'year' | 'reopen-date' };

/** A round as typed after a command ("2025", "2025 H1"), or null when none was typed or it is no round. */
const roundOrNull = (typed: string | undefined): number | null => (typed ? parseRoundRef(typed) : null);

export function parseFollowUpCommand(raw: string): FollowUpCommand | null {
  const text = plainTyped(raw).trim().replace(/\s+/g, ' ');
  let m = new RegExp(`^(?:starta uppföljning(?:en)?|start follow-?up) (${ROUND_REF})(?: (?:senast|deadline|by) (\\S+))?$`, 'i').exec(text);
  if (m) {
    const deadline = m[2] ?? null;
    if (deadline !== null && !isCalendarDate(deadline)) return { kind: 'invalid', message: 'date' };
    const round = parseRoundRef(m[1]!);
    return round === null ? { kind: 'invalid', message: 'year' } : { kind: 'start-round', year: round, deadline };
  }
  m = new RegExp(`^(?:stäng uppföljning(?:en)?|close follow-?up)(?: (${ROUND_REF}))?$`, 'i').exec(text);
  if (m) return { kind: 'close-round', year: roundOrNull(m[1]) };
  m = new RegExp(`^(?:återöppna uppföljning(?:en)?|reopen follow-?up)(?: (${ROUND_REF}))?(?: (?:senast|deadline|by) (\\S+))?$`, 'i').exec(
    text,
  );
  if (m) {
    if (!m[2] || !isCalendarDate(m[2])) return { kind: 'invalid', message: 'reopen-date' };
    return { kind: 'reopen-round', year: roundOrNull(m[1]), deadline: m[2] };
  }
  m = new RegExp(`^(?:påminn|remind)(?: (${ROUND_REF}))?$`, 'i').exec(text);
  if (m) return { kind: 'remind', year: roundOrNull(m[1]) };
  if (/^(?:kontakter|contacts)$/i.test(text)) return { kind: 'list-contacts' };
  m = /^(?:kontakter|contacts) (?:för |for )?(.+)$/i.exec(text);
  if (m) return { kind: 'list-contacts', unit: m[1]! };
  // A unit's name may have spaces ("Styrgrupp välfärdsbrott"): the people are what follows the last word that is not a person.
  m = /^(?:ta bort kontakt|remove contact) (.+?) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[2]!);
    return person ? { kind: 'remove-contact', unit: m[1]!, person } : { kind: 'invalid', message: 'person' };
  }
  m =
    /^(?:kontakt|contact) (.+?) ((?:[^\s,;]+@[^\s,;]+|[0-9a-f]{8}-[0-9a-f-]{27})(?:[,;\s]+.*)?)$/i.exec(text) ??
    /^(?:kontakt|contact) (\S+) (.+)$/i.exec(text);
  if (m) {
    const people = m[2]!
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(parsePerson);
    if (people.length === 0 || people.some((p) => p === null)) return { kind: 'invalid', message: 'person' };
    return { kind: 'add-contacts', unit: m[1]!, people: people as Person[] };
  }
  m = /^(?:personuppgifter(?: för| om)?|personal data(?: for| of)?) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[1]!);
    return person ? { kind: 'show-personal-data', person } : { kind: 'invalid', message: 'person' };
  }
  m = /^(?:glöm|glom|forget) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[1]!);
    return person ? { kind: 'forget-person', person } : { kind: 'invalid', message: 'person' };
  }
  m = new RegExp(`^(?:radera uppföljning(?:en)?|delete follow-?up)(?: (${ROUND_REF}))?$`, 'i').exec(text);
  if (m) return m[1] ? { kind: 'delete-round', year: roundOrNull(m[1]) } : { kind: 'invalid', message: 'year' };
  m = /^(?:ta bort admin|remove admin) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[1]!);
    return person ? { kind: 'remove-admin', person } : { kind: 'invalid', message: 'person' };
  }
  m = /^(?:admin) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[1]!);
    return person ? { kind: 'add-admin', person } : { kind: 'invalid', message: 'person' };
  }
  m = /^(?:säkerhetschef|safety chief) (\S+)$/i.exec(text);
  if (m) {
    const person = parsePerson(m[1]!);
    return person ? { kind: 'set-safety-chief', person } : { kind: 'invalid', message: 'person' };
  }
  if (/^(?:ordlista(?:n)?|glossary)$/i.test(text)) return { kind: 'list-glossary' };
  // "ordlista VOF Vård- och omsorgsförvaltningen" (also "ordlista VOF = …", "ordlista VOF: …"); a unit of several words in quotes.
  m = /^(?:ordlista|glossary) (?:"([^"]+)"|(\S+?)):? (?:= ?)?(.+)$/i.exec(text);
  if (m) return { kind: 'set-glossary', code: (m[1] ?? m[2])!, expansion: m[3]! };
  if (/^(?:synonymer(?:na)?|synonyms?)$/i.test(text)) return { kind: 'list-words' };
  if (/^(?:okända ord(?:en)?|unknown words)$/i.test(text)) return { kind: 'list-unknown-words' };
  m = /^(?:ta bort synonym(?:en)?|remove synonym) (\S+)$/i.exec(text);
  if (m) return { kind: 'remove-word', word: m[1]! };
  // "synonym kamera = kamerabevakning" (also "synonym kamera: …", "synonym kamera kamerabevakning, övervakning").
  m = /^(?:synonym) ([^\s=:]+)\s*(?:[=:]\s*|\s)(.+)$/i.exec(text);
  if (m) return { kind: 'set-word', word: m[1]!, terms: m[2]! };
  if (/^(?:min uppföljning|mina åtgärder|uppföljning|my follow-?up)$/i.test(text)) return { kind: 'my-round' };
  m = /^(?:svara för|svara åt|answer for) (.+?)\s*$/i.exec(text);
  if (m) return { kind: 'answer-for-unit', unit: m[1]! };
  if (/^(?:diagnos|diagnose|doctor)$/i.test(text)) return { kind: 'diagnose' };
  m = new RegExp(`^(?:sammanställning(?:en)?|summary)(?: (${ROUND_REF}))?$`, 'i').exec(text);
  if (m) return { kind: 'summary', year: roundOrNull(m[1]) };
  m = new RegExp(`^(?:status (?:för |for )?(?:åtgärd |action )?)(A\\d{1,2}-\\d{1,2})(?: (${ROUND_REF}))?\\??$`, 'i').exec(text);
  if (m) return { kind: 'action-status', actionId: m[1]!.toUpperCase(), year: roundOrNull(m[2]) };
  m = new RegExp(`^(?:hur går det för|how is) (.+?)(?: doing)?\\s*\\??(?: (${ROUND_REF}))?\\s*\\??$`, 'i').exec(text);
  if (m) return { kind: 'unit-status', unit: m[1]!.trim(), year: roundOrNull(m[2]) };
  return null;
}
