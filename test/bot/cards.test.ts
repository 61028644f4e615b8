import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanAnswerer } from '../../src/core/qa/answerer';
import { answerCard, answerCardSpec, helpSpec, messageCard } from '../../src/bot/cards/answer-cards';
import { expandCard, expandCardChecked, TEMPLATES } from '../../src/bot/cards/render';
import { GLOSSARY, PLAN, ROOT } from '../fixtures/plan';
import { assertValidCard } from '../fixtures/cards';
import { wordsCard } from '../../src/bot/followup/command-cards';
import { diagnosisCard } from '../../src/bot/followup/diagnosis-card';

const qa = new PlanAnswerer(PLAN, GLOSSARY);

describe('cards', () => {
  it('are JSON templates on disk, one per layout, all registered', () => {
    const files = readdirSync(join(ROOT, 'src/bot/cards/templates'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace('.json', ''));
    assert.deepEqual(files.sort(), Object.keys(TEMPLATES).sort());
    for (const f of files) {
      const template = JSON.parse(readFileSync(join(ROOT, 'src/bot/cards/templates', `${f}.json`), 'utf8')) as {
        type: string;
        version: string;
      };
      assert.equal(template.type, 'AdaptiveCard');
      assert.equal(template.version, '1.5');
    }
  });

  const questions = [
    ...PLAN.groups.map((g) => `åtgärd ${g.number}`),
    ...PLAN.actions.map((a) => a.id),
    ...[...new Set(PLAN.actions.flatMap((a) => [...a.ansvarig.units, ...a.samverkan.units].map((u) => u.code)))].map(
      (c) => `Vilka åtgärder har ${c}?`,
    ),
    'Vad finansieras av BRÅ?',
    'What is funded by Vinnova?',
    ...PLAN.abbreviations.map((a) => `Vad betyder ${a.abbreviation}?`),
    'Vad står KLF för?',
    'Vad betyder SÄK?',
    'målområde 1',
    'målområde 2',
    'målområde 3',
    'arbetssätt 1',
    'arbetssätt 4',
    'goal area 2',
    'Vilka målområden har planen?',
    'What are the working methods?',
    'hjälp',
    'help',
    '',
    'åtgärd 99',
    'A1-99',
    'målområde 9',
    'Vad betyder QQQ?',
    'x'.repeat(1000),
    'Vem ansvarar för snöröjningen?',
    'Vad finansierar Polisen?',
    // Listings across a column
    'Vilka åtgärder har extern finansiering?',
    'Vilka åtgärder saknar ansvarig?',
    'Vilka åtgärder saknar finansiering?',
    'Vad är IOP?',
    'Which actions are done with IOP partners?',
    'Vilka externa aktörer samverkar kommunen med?',
    'Vad samarbetar SF och Polisen om?',
    // Not sure: the nearest actions offered
    'Vem bemöter EU-migranter?',
    'Who is in charge of the tent camps of EU migrants?',
  ];

  it(`expand for every group, row, unit, funder, term, area and refusal (${questions.length} answers): valid, complete, under the size limit`, () => {
    for (const q of questions) {
      try {
        const spec = answerCardSpec(qa.answer(q));
        const { card, warnings } = expandCardChecked(spec.template, spec.data);
        assert.deepEqual(warnings, [], 'templating warnings');
        assertValidCard(card);
      } catch (error) {
        throw new Error(`"${q.slice(0, 40)}": ${(error as Error).message}`);
      }
    }
  });

  it("show an area's few-action groups with their actions, and say when the plan names no one responsible", () => {
    const card = JSON.stringify(answerCard(qa.answer('Vad innehåller målområde 3?')));
    assert.match(
      card,
      /"text":"A20\u20112","weight":"Bolder"\},\{"type":"TextRun","text":" Beakta särskilt områden[^"]*"\},\{"type":"TextRun","text":"\(\(anges inte i planen\)\)","italic":true/,
    );
    assert.match(card, /"title":"Visa åtgärd 22","data":\{"question":"Åtgärd 22"\}/);
  });

  it("give the follow-up's statuses with the plan's definitions, valid, in both languages", () => {
    for (const q of ['Vad betyder Påbörjad?', 'What does Påbörjad mean?']) {
      const card = answerCard(qa.answer(q));
      assertValidCard(card);
      assert.match(JSON.stringify(card), /Åtgärden är inledd men behöver utvecklas|needs development/);
    }
  });

  it("list the plan's units with their share, valid and under the size limit, in both languages", () => {
    for (const q of ['Vilka förvaltningar finns i planen?', 'Which departments are in the plan?']) {
      const card = answerCard(qa.answer(q));
      assertValidCard(card);
      assert.ok(JSON.stringify(card).length < 28_000);
      assert.match(JSON.stringify(card), /KLF/);
      // A unit with no full name known shows none, not an empty "()" (seen in the Playground).
      assert.doesNotMatch(JSON.stringify(card), /"\(\)"/);
    }
  });

  it('say first that a partner asked about as an owner owns no action, then what it takes part in', () => {
    const card = answerCard(qa.answer('Vem ansvarar för Novahuset?'));
    assertValidCard(card);
    const text = JSON.stringify(card);
    assert.match(text, /Novahuset är inte ansvarig för någon åtgärd i planen/);
    assert.match(text, /Novahuset samverkar i 2 åtgärder/);
    assert.doesNotMatch(text, /nämns inte/);
  });

  it('expand the welcome and help cards in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const kind of ['welcome', 'help', 'greeting'] as const) {
        const spec = helpSpec(lang, { examples: qa.examples[lang], source: qa.citationBase }, kind);
        assertValidCard(expandCard(spec.template, spec.data));
      }
    }
    assertValidCard(messageCard('Rubrik', ['Stycke']));
  });

  it("expand the admins' words card empty and full, in both languages: valid, with a Spara that sends both fields", () => {
    for (const lang of ['sv', 'en'] as const) {
      assertValidCard(wordsCard({ unknown: [], given: [] }, lang));
      const unknown = Array.from({ length: 25 }, (_, i) => ({ word: `ordet${i}`, count: 25 - i, lastSeen: '2026-11-27T08:00:00.000Z' }));
      const given = Array.from({ length: 60 }, (_, i) => ({
        word: `vardagsord${i}`,
        planTerms: ['kamerabevakning', 'trygghetsvandringar'],
        setBy: 'anna.andersson@example.com',
        setAt: '2026-11-27T08:00:00.000Z',
      }));
      const card = wordsCard({ unknown, given }, lang, { text: 'Sparat', kind: 'good' });
      assertValidCard(card);
      const json = JSON.stringify(card);
      assert.ok(json.length < 28_000, `${json.length} bytes`);
      assert.match(json, /"id":"word"[^}]*"value":"ordet0"/);
      assert.match(json, /"verb":"words.save"/);
      assert.match(json, lang === 'sv' ? /och 20 till/ : /and 20 more/);
    }
  });

  it("expand the admins' diagnosis card all ok and with every check failed, in both languages: valid, commands as plain text", () => {
    const fix = `an Entra admin grants it: GRAPH_SP=$(az ad sp show --id x --query id -o tsv); az rest --body "{\\"principalId\\":\\"$BOT_SP\\"}" **not bold** [link](http://x)`;
    for (const lang of ['sv', 'en'] as const) {
      assertValidCard(
        diagnosisCard(
          [
            { name: 'store', status: 'ok', detail: 'wrote, read and deleted' },
            { name: 'PUBLIC_URL', status: 'skipped', detail: 'not set' },
          ],
          lang,
        ),
      );
      const checks = Array.from({ length: 9 }, (_, i) => ({ name: `check ${i}`, status: 'failed' as const, detail: 'x'.repeat(400), fix }));
      const card = diagnosisCard(checks, lang);
      assertValidCard(card);
      const json = JSON.stringify(card);
      assert.ok(json.length < 28_000, `${json.length} bytes`);
      // The fix goes in a text run, which Teams never reads as Markdown.
      assert.match(json, /"type":"TextRun","text":"fix: an Entra admin grants it: GRAPH_SP=/);
      assert.match(json, lang === 'sv' ? /9 av 9 kontroller misslyckades/ : /9 of 9 checks failed/);
    }
  });

  it('fail the checks above when data is missing (so they can fail)', () => {
    const { card } = expandCardChecked('message', { fallbackText: 'x', paragraphs: [], citationLines: [] });
    assert.throws(() => assertValidCard(card), /unexpanded template expression/);
  });

  it('keep template syntax in data as text, never expanding it', () => {
    const card = expandCard('message', {
      fallbackText: '${title}',
      title: '${$root.fallbackText}',
      paragraphs: ['${paragraphs[0]}', '{{x}}'],
      citationLines: [],
    });
    const json = JSON.stringify(card);
    assert.ok(json.includes('"text":"${$root.fallbackText}"'));
    assert.ok(json.includes('"text":"${paragraphs\\\\[0\\\\]}"'), 'as text (its brackets escaped for Markdown)');
  });

  it("cite the action id and show the plan's cells verbatim in the card", () => {
    const card = JSON.stringify(answerCard(qa.answer('A14-6')));
    assert.match(card, /A14-6/);
    assert.match(card, /"value":"KLF \(HBE, SÅK\), Polisen, SF"/);
    assert.match(card, /"value":"Krögare"/);
    assert.match(card, /14\.3 Samverkan mot narkotika i krogmiljö \(tryckt som 14\.2\)/);
  });

  it('print the ids of a source line and of "Förekommer i" with non-breaking hyphens, so no id is split over two lines', () => {
    const texts = (card: Record<string, unknown>) =>
      (card.body as Array<{ type: string; text?: string }>).filter((b) => b.type === 'TextBlock').map((b) => b.text ?? '');
    const owner = texts(answerCard(qa.answer('Vem ansvarar för kamerabevakningen?')));
    const source = owner.find((line) => line.startsWith('Källa:'))!;
    assert.match(source, /A3\u20111/);
    assert.doesNotMatch(source, /A\d+-\d+/);
    const used = texts(answerCard(qa.answer('Vad betyder VOF?'))).find((line) => line.startsWith('Förekommer i:'))!;
    assert.match(used, /A2\u20112/);
    assert.doesNotMatch(used, /A\d+-\d+/);
  });
});
