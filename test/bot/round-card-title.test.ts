/**
 * The round card of a plan whose groups are its areas (a template without a Mål column): the
 * area's title once, not twice (#26); a plan with goals under its areas shows both.
 */
import { strict as assert } from 'node:assert';
import { readTemplate } from '../../src/core/plan/template/read-template';
import { roundActionCard } from '../../src/bot/followup/round-cards';
import { roundCardInput, yearlyRound } from '../fixtures/rounds';

const SOURCE = { file: 'plan.xlsx', sha256: '0'.repeat(64) };
const planWith = (header: string[], row: string[]) =>
  readTemplate(
    [
      { name: 'Åtgärder', rows: [header, row] },
      {
        name: 'Plan',
        rows: [
          ['Kommun', 'Testby kommun'],
          ['Titel', 'Trygghetsplan Testby'],
        ],
      },
    ],
    SOURCE,
  ).plan!;

const shownTexts = (card: Record<string, unknown>): string[] => {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(card.body);
  return texts;
};

describe('the round card of a plan whose groups are its areas', () => {
  const round = yearlyRound(2026, 'open', { name: 'Admin' });

  it("shows the area's title once", () => {
    const plan = planWith(['Löfte', 'Aktivitet', 'Ansvarig'], ['1. Tryggare centrum', 'Trygghetsvandringar', 'SOC']);
    const texts = shownTexts(roundActionCard(roundCardInput(plan, { actionId: 'A1-1', unit: 'SOC' }, round)));
    assert.equal(texts.filter((t) => t.includes('Tryggare centrum')).length, 1, texts.join('\n'));
  });

  it('shows both where the group is a goal under the area', () => {
    const plan = planWith(['Område', 'Mål', 'Åtgärd', 'Ansvarig'], ['1. Tryggare centrum', 'Färre inbrott', 'Grannsamverkan', 'SOC']);
    const texts = shownTexts(roundActionCard(roundCardInput(plan, { actionId: 'A1-1', unit: 'SOC' }, round)));
    assert.ok(texts.some((t) => t.includes('Färre inbrott')));
    assert.equal(texts.filter((t) => t.includes('Tryggare centrum')).length, 1);
  });
});
