/**
 * Every card the bot sends stays under Teams' limit at the limits of docs/development.md (#24): with 300 contacts
 * the round's confirmation was 168 KB, and Teams refuses a message over about 100 KB (413
 * MessageSizeTooBig), so the Starta button was never seen. Each card kind is built here with the
 * largest plan, the most contacts and the longest texts the bot keeps, and its size checked
 * (assertValidCard: under 28 KB, what Teams renders in a message).
 */
import { strict as assert } from 'node:assert';
import { PlanAnswerer } from '../../src/core/qa/answerer';
import { answerCard, helpSpec, messageCard } from '../../src/bot/cards/answer-cards';
import { expandCard } from '../../src/bot/cards/render';
import { contactsCard, statusCard, wordsCard } from '../../src/bot/followup/command-cards';
import { remindConfirmCard, summaryCard } from '../../src/bot/followup/summary-card';
import { roundActionCard, roundConfirmCard } from '../../src/bot/followup/round-cards';
import { buildReport } from '../../src/core/report/report-model';
import { obligationsFor, summarizeRound } from '../../src/core/followup/obligations';
import { MAX_CONTACTS, MAX_CONTACTS_PER_UNIT, MAX_PLAN_ACTIONS, MAX_PLAN_UNITS } from '../../src/core/limits';
import { MAX_DESCRIPTION_LENGTH, type Answer, type Contact } from '../../src/core/followup/model';
import { MAX_UNKNOWN_WORDS } from '../../src/core/qa/municipality-words';
import type { Plan } from '../../src/core/plan/model';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { roundCardInput, yearlyRound } from '../fixtures/rounds';
import { assertValidCard as assertValid } from '../fixtures/cards';

/** The card valid and under the limit, or which card it was and how large. */
function assertValidCard(card: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(card));
  const title = JSON.stringify(card.body).slice(0, 120);
  assert.ok(bytes < 28 * 1024, `${bytes} bytes: ${title}`);
  assertValid(card);
}

/** Linköping's plan grown to the limits: the most actions, each unit its own code, texts at their longest. */
function largestPlan(): Plan {
  const long = (n: number) => `${'Åtgärdens text '.repeat(Math.ceil(n / 15))}`.slice(0, n);
  const actions = Array.from({ length: MAX_PLAN_ACTIONS }, (_, i) => {
    const like = PLAN.actions[i % PLAN.actions.length]!;
    const unit = `Enhet${i % MAX_PLAN_UNITS}`;
    return {
      ...like,
      id: `B${i}`,
      text: long(1_000),
      ansvarig: { asPrinted: unit, units: [{ code: unit, subunits: [], asPrinted: unit }] },
    };
  });
  const groups = PLAN.groups.map((g) => ({ ...g, actionIds: actions.filter((a) => a.group === g.number).map((a) => a.id) }));
  return { ...PLAN, actions, groups };
}

const email = (n: number) => `forvaltningsgemensam.funktion.${n}@kommunen-med-langt-namn.se`;

describe('every card at the limits stays under Teams’ size limit', function () {
  this.timeout(60_000);
  const plan = largestPlan();
  const obligations = obligationsFor(plan, GLOSSARY);
  const units = [...new Set(obligations.map((o) => o.unit))];
  const contacts: Contact[] = units
    .flatMap((unit, u) => Array.from({ length: MAX_CONTACTS_PER_UNIT }, (_, i) => ({ unit, person: { upn: email(u * 100 + i) } })))
    .slice(0, MAX_CONTACTS);
  const year = 2024;
  const round = yearlyRound(year, 'open', { aadObjectId: 'a', name: 'Admin' });
  const description = 'Beskrivning av utvecklingen. '.repeat(80).slice(0, MAX_DESCRIPTION_LENGTH);
  const answers: Answer[] = obligations.map((o, i) => ({
    year,
    actionId: o.actionId,
    unit: o.unit,
    status: i % 2 ? 'pagaende' : 'paborjad',
    description,
    answeredBy: { upn: email(i), name: 'Förnamn Efternamnsson-Långnamn' },
    answeredAt: '2025-01-15T10:30:00.000Z',
    onBehalf: false,
  }));
  const report = buildReport({ plan, round, obligations, answers: answers.slice(0, 100), previousAnswers: answers, contacts });

  it(`has ${MAX_PLAN_ACTIONS} actions, ${units.length} units and ${contacts.length} contacts`, () => {
    assert.equal(plan.actions.length, MAX_PLAN_ACTIONS);
    assert.equal(units.length, MAX_PLAN_UNITS);
    assert.equal(contacts.length, MAX_CONTACTS);
  });

  it('answers: listings of a unit, a group, an area and all, a search, a code, help', () => {
    const qa = new PlanAnswerer(plan, GLOSSARY);
    for (const question of [
      'Vilka åtgärder har Enhet1?',
      'Vad gör Enhet7?',
      'Åtgärd 9',
      'Vad innehåller målområde 1?',
      'Vilka åtgärder finns?',
      'Vilka åtgärder har samtliga förvaltningar?',
      'Vem ansvarar för kamerabevakning?',
      'Vad står KLF för?',
      'B1999',
    ]) {
      const card = answerCard(qa.answer(question));
      assert.ok(JSON.stringify(card).length < 28 * 1024, `${question}: ${JSON.stringify(card).length} bytes`);
      assertValidCard(card);
    }
    const spec = helpSpec('sv', { examples: qa.examples.sv, source: qa.citationBase }, 'welcome');
    assertValidCard(expandCard(spec.template, spec.data));
  });

  it('the round: its confirmation with every contact unreachable, the round card with the longest texts, reminders', () => {
    const summary = summarizeRound(obligations, contacts, (c) => c.person.upn ?? '');
    const cannot = contacts.map((c) => ({ person: c.person, problem: 'not-in-directory' as const }));
    assertValidCard(
      roundConfirmCard(year, '2025-02-28', summary, { now: 0, install: 0, openChat: 0, cannot, directoryAvailable: false }, 'sv'),
    );
    const obligation = obligations[0]!;
    assertValidCard(
      roundActionCard(
        roundCardInput(plan, obligation, round, {
          answer: answers[0],
          lastYear: answers[0],
          progress: { answered: 1, total: 14 },
          refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:${'x'.repeat(60)}${i}`),
          notice: { text: description, kind: 'attention' },
          typed: { description },
          position: { index: 1, total: 14, perUnit: [{ unit: obligation.unit, answered: 1, total: 14 }] },
          intro: true,
        }),
      ),
    );
    const withoutChatPeople = contacts.map((c) => c.person.upn!);
    assertValidCard(remindConfirmCard(year, { people: MAX_CONTACTS, withoutChat: MAX_CONTACTS, withoutChatPeople }, 'sv'));
  });

  it('the summary, the status of a unit and of an action, the delivery summary', () => {
    assertValidCard(summaryCard({ report, reminders: { people: MAX_CONTACTS, withoutChat: 10 } }, 'sv'));
    const unit = report.units[0]!;
    const unitRows = report.rows.filter((r) => r.unit === unit.unit);
    assertValidCard(statusCard({ kind: 'unit', year, unit, rows: unitRows, counts: [], missing: unitRows.map((r) => r.actionId) }, 'sv'));
    const manyRows = report.rows.slice(0, 100);
    assertValidCard(statusCard({ kind: 'action', year, actionId: 'B1', actionText: plan.actions[1]!.text, rows: manyRows }, 'sv'));
    const lines = contacts.map((c) => `${c.person.upn}: finns inte i katalogen`);
    assertValidCard(messageCard('Utskick uppföljning 2024: 0 levererade, 1500 nåddes inte, 0 misslyckades.', lines));
  });

  it('contacts, glossary, words', () => {
    assertValidCard(contactsCard({ units, contacts }, 'sv'));
    // A unit's name gets a share of the width, never a fixed 80 px that broke "Säkerhetsombud" mid-word (#25).
    assert.doesNotMatch(JSON.stringify(contactsCard({ units, contacts }, 'sv')), /"width":"\d+px"/);
    assertValidCard(contactsCard({ units, contacts }, 'sv', { text: description, kind: 'good' }));
    const entries = units.map((u) => `${u} = ${'Förvaltningens långa namn '.repeat(8)} (${email(1)}, 2026-01-01)`);
    assertValidCard(messageCard('Ordlista', entries));
    const unknown = Array.from({ length: MAX_UNKNOWN_WORDS }, (_, i) => ({
      word: `okäntordnummer${i}`,
      count: 9,
      lastSeen: '2026-11-01T00:00:00.000Z',
    }));
    const given = Array.from({ length: 300 }, (_, i) => ({
      word: `synonymordnummer${i}`,
      planTerms: ['kamerabevakning', 'trygghetsvandring', 'brottsförebyggande', 'samverkan'],
      setBy: email(i),
      setAt: '2026-11-01T00:00:00.000Z',
    }));
    assertValidCard(wordsCard({ unknown, given }, 'sv'));
  });
});
