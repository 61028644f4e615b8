/**
 * Text from people is text (#24): random Markdown, HTML, bidi and control characters, fed through
 * every card that shows people's text and through the Markdown report, never come out as a link,
 * an image, formatting or HTML, and still read as typed. Checked with markdown-it, a CommonMark
 * renderer, with raw HTML on: what it would make a tag of, Teams might too.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, withoutHiddenControls } from '../../src/core/plain-text';
import { messageCard } from '../../src/bot/cards/answer-cards';
import { contactsCard, statusCard, wordsCard } from '../../src/bot/followup/command-cards';
import { summaryCard } from '../../src/bot/followup/summary-card';
import { roundActionCard } from '../../src/bot/followup/round-cards';
import { buildReport } from '../../src/core/report/report-model';
import { reportMarkdown } from '../../src/export/markdown';
import { obligationsFor } from '../../src/core/followup/obligations';
import type { Answer } from '../../src/core/followup/model';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { roundCardInput, yearlyRound } from '../fixtures/rounds';
import { assertValidCard } from '../fixtures/cards';

const markdown = new MarkdownIt({ html: true });

/** Pieces an attacker or a careless paste would bring. */
const PIECES = [
  '[Logga in här](http://evil.example/login)',
  '![p](http://evil.example/t.png)',
  '<http://evil.example>',
  '**fet**',
  '__fet__',
  '*kursiv*',
  '_kursiv_',
  '~~struken~~',
  '`kod`',
  '```\nkod\n```',
  '<b>html</b>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '&amp;',
  '&#60;',
  '# Rubrik',
  'Text\n===',
  'Text\n---',
  '- punkt',
  '+ punkt',
  '1. ett',
  '2) två',
  '> citat',
  '    indraget',
  '| a | b |\n|---|---|',
  '\\',
  '\u202Eexe.pdf',
  '\u2066isolerad\u2069',
  'noll\u200Bbredd',
  '\uFEFF',
  '\u0000\u0007',
  '\n',
  '\n\n',
  ' ',
  'Åtgärd',
];
const evil = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 8 })
  .map((p) => p.join(''));

/** The tags markdown-it makes of a text, other than paragraphs and line breaks. */
function tagsIn(text: string): string[] {
  return [...markdown.render(text).matchAll(/<\/?([a-z][a-z0-9]*)/gi)]
    .map((m) => m[1]!.toLowerCase())
    .filter((t) => t !== 'p' && t !== 'br');
}

/** What a reader sees of a rendered text, without tags and with entities read: compared with what was typed. */
function readAs(text: string): string {
  const html = markdown.render(text).replace(/<[^>]+>/g, ' ');
  const decoded = html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return normalized(decoded);
}
const normalized = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every text a card shows as Markdown: TextBlocks and facts. */
function markdownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own: string[] = [];
  if (element.type === 'TextBlock' && typeof element.text === 'string') own.push(element.text);
  if (element.type === 'FactSet') for (const f of element.facts as Array<{ title: string; value: string }>) own.push(f.title, f.value);
  return [...own, ...Object.entries(element).flatMap(([k, v]) => (k === 'facts' ? [] : markdownTexts(v)))];
}

function assertNoMarkup(card: Record<string, unknown>, typed: string): void {
  assertValidCard(card);
  for (const text of markdownTexts(card)) assert.deepEqual(tagsIn(text), [], `${JSON.stringify(text)} (typed ${JSON.stringify(typed)})`);
}

const RUNS = { numRuns: 150, seed: 24 };

describe('text from people is text', () => {
  it('escapes every Markdown character: the text renders with no tag, and reads as typed', () => {
    fc.assert(
      fc.property(evil, (typed) => {
        const shown = escapeMarkdown(withoutHiddenControls(typed));
        assert.deepEqual(tagsIn(shown), [], JSON.stringify(shown));
        const plain = withoutHiddenControls(typed);
        assert.equal(readAs(shown), normalized(plain.replace(/\\/g, '\\')), JSON.stringify(typed));
      }),
      RUNS,
    );
  });

  it('removes bidi overrides, isolates and zero-width characters where text enters', () => {
    assert.equal(withoutHiddenControls('fdp\u202E.exe'), 'fdp.exe');
    assert.equal(withoutHiddenControls('\u2066a\u2069b\u200Bc\u200Dd\uFEFFe\u00ADf\u0007g'), 'abcdefg');
    assert.equal(withoutHiddenControls('rad ett\nrad två\ttab'), 'rad ett\nrad två\ttab', 'line breaks and tabs stay');
    // And in every report, for what was stored before the edge cleaned it.
    const obligations = obligationsFor(PLAN, GLOSSARY);
    const o = obligations[0]!;
    const stored: Answer = {
      year: 2024,
      actionId: o.actionId,
      unit: o.unit,
      status: 'pagaende',
      description: 'Klart\u202Eejn',
      answeredBy: { aadObjectId: 'x', name: 'An\u200Bna' },
      answeredAt: '2025-01-15T10:30:00.000Z',
      onBehalf: false,
    };
    const round = yearlyRound(2024, 'open', { aadObjectId: 'a' });
    const row = buildReport({ plan: PLAN, round, obligations, answers: [stored], previousAnswers: undefined, contacts: [] }).rows.find(
      (r) => r.actionId === o.actionId && r.unit === o.unit,
    )!;
    assert.equal(row.description, 'Klartejn');
    assert.equal(row.answeredBy, 'Anna');
  });

  it('shows descriptions, names, units, words and messages on every card kind without a link, image or formatting', () => {
    const obligations = obligationsFor(PLAN, GLOSSARY);
    const year = 2024;
    const round = yearlyRound(year, 'open', { aadObjectId: 'a', name: 'Admin' });
    fc.assert(
      fc.property(evil, evil, evil, (description, name, word) => {
        const person = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b', name, upn: `${word.replace(/\s/g, '')}@x.se` };
        const answers: Answer[] = obligations.slice(0, 3).map((o) => ({
          year,
          actionId: o.actionId,
          unit: o.unit,
          status: 'pagaende',
          description,
          answeredBy: person,
          answeredAt: '2025-01-15T10:30:00.000Z',
          onBehalf: false,
        }));
        const contacts = [{ unit: obligations[0]!.unit, person }];
        const report = buildReport({ plan: PLAN, round, obligations, answers, previousAnswers: answers, contacts });
        const unit = report.units.find((u) => u.unit === obligations[0]!.unit)!;
        const cards = [
          messageCard(description, [name, word]),
          contactsCard({ units: [unit.unit], contacts }, 'sv', { text: description, kind: 'attention' }),
          wordsCard(
            {
              unknown: [{ word, count: 2, lastSeen: '2026-11-01T00:00:00.000Z' }],
              given: [{ word, planTerms: [description], setBy: name, setAt: '2026-11-01T00:00:00.000Z' }],
            },
            'en',
          ),
          statusCard(
            { kind: 'action', year, actionId: answers[0]!.actionId, actionText: description, rows: report.rows.slice(0, 3) },
            'sv',
          ),
          statusCard(
            { kind: 'unit', year, unit, rows: report.rows.filter((r) => r.unit === unit.unit).slice(0, 5), counts: [], missing: [name] },
            'sv',
          ),
          summaryCard({ report }, 'sv'),
          roundActionCard(
            roundCardInput(PLAN, obligations[0]!, round, {
              answer: answers[0],
              lastYear: answers[0],
              progress: { answered: 1, total: 3 },
              units: [unit.unit],
              notice: { text: description, kind: 'attention' },
              typed: { description },
            }),
          ),
        ];
        for (const card of cards) assertNoMarkup(card, description);
        // What a person typed into a form comes back into it as typed: an input's value is not Markdown.
        assert.ok(
          JSON.stringify(cards.at(-1)).includes(JSON.stringify(description).slice(1, -1)),
          'the typed description is given back as typed',
        );
        const rendered = markdown.render(reportMarkdown(report));
        assert.deepEqual(
          [...new Set([...rendered.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()))].filter(
            (t) => !['h1', 'h2', 'p', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong'].includes(t),
          ),
          [],
          'the Markdown report has tables, headings and its own bold total, and nothing from people',
        );
        assert.doesNotMatch(rendered, /<(a|img|em|code|script)\b/);
      }),
      { numRuns: 40, seed: 24 },
    );
  });
});

describe('the round card names who saved', () => {
  it('by name, as the report does, with the e-mail address only when there is no name (#25)', () => {
    const obligation = obligationsFor(PLAN, GLOSSARY)[0]!;
    const round = yearlyRound(2024, 'open', { aadObjectId: 'a' });
    const card = (answeredBy: Answer['answeredBy']) =>
      JSON.stringify(
        roundActionCard(
          roundCardInput(PLAN, obligation, round, {
            answer: {
              year: 2024,
              ...obligation,
              status: 'pagaende',
              description: 'x',
              answeredBy,
              answeredAt: '2025-01-15T10:30:00.000Z',
              onBehalf: false,
            },
            progress: { answered: 1, total: 2 },
          }),
        ),
      );
    assert.match(
      card({ aadObjectId: 'b', upn: 'anna.andersson@kommun.se', name: 'Anna Andersson' }),
      /Sparat av Anna Andersson 2025-01-15 11:30/,
    );
    assert.match(card({ aadObjectId: 'b', upn: 'anna.andersson@kommun.se' }), /Sparat av anna.andersson@kommun.se/);
  });
});
