/**
 * npm run qa:score — how many questions the bot answers right, on the question sets in
 * test/fixtures: the first set (tuned on over earlier issues), and the fresh set's development
 * and held-out halves, and the third and fourth sets' halves. Cases that fail are listed for the development half and the first set
 * only: the held-out half is a number, so tuning never looks at its questions.
 *
 * A question outside the plan that gets an owner is counted apart: it must be 0.
 */
import { PlanAnswerer } from '../src/core/qa/answerer';
import type { Answer } from '../src/core/qa/answer-model';
import { GLOSSARY, PLAN } from '../test/fixtures/plan';
import { QUESTIONS } from '../test/fixtures/questions';
import { FRESH_QUESTIONS, type FreshCase } from '../test/fixtures/questions-fresh';
import { THIRD_QUESTIONS } from '../test/fixtures/questions-third';
import { FOURTH_QUESTIONS } from '../test/fixtures/questions-fourth';
import { judge, suggestedRight } from '../test/fixtures/judge';

export interface Score {
  right: number;
  /** Not answered, but the right action offered among the nearest ones (one click away). */
  suggested: number;
  total: number;
  /** Questions outside the plan that were given an owner. */
  ownersOutsidePlan: number;
  misses: string[];
}

/** Whether an answer names who is responsible for something. */
const givesOwner = (answer: Answer): boolean => ['actions', 'unit', 'funder'].includes(answer.kind);

export function score(answerer: PlanAnswerer, cases: FreshCase[]): Score {
  const result: Score = { right: 0, suggested: 0, total: cases.length, ownersOutsidePlan: 0, misses: [] };
  for (const c of cases) {
    const answer = answerer.answer(c.q);
    const verdict = judge(c, answer);
    if (verdict === true) result.right += 1;
    else if (suggestedRight(c, answer)) result.suggested += 1;
    else result.misses.push(`${c.q}  →  ${verdict}`);
    if (c.kind === 'not-found' && givesOwner(answer)) result.ownersOutsidePlan += 1;
  }
  return result;
}

export function qaScores(): Record<'first' | 'dev' | 'heldOut' | 'thirdDev' | 'thirdHeldOut' | 'fourthDev' | 'fourthHeldOut', Score> {
  const answerer = new PlanAnswerer(PLAN, GLOSSARY);
  return {
    first: score(
      answerer,
      QUESTIONS.map((q) => ({ ...q, split: 'dev' as const })),
    ),
    dev: score(
      answerer,
      FRESH_QUESTIONS.filter((c) => c.split === 'dev'),
    ),
    heldOut: score(
      answerer,
      FRESH_QUESTIONS.filter((c) => c.split === 'held-out'),
    ),
    thirdDev: score(
      answerer,
      THIRD_QUESTIONS.filter((c) => c.split === 'dev'),
    ),
    thirdHeldOut: score(
      answerer,
      THIRD_QUESTIONS.filter((c) => c.split === 'held-out'),
    ),
    fourthDev: score(
      answerer,
      FOURTH_QUESTIONS.filter((c) => c.split === 'dev'),
    ),
    fourthHeldOut: score(
      answerer,
      FOURTH_QUESTIONS.filter((c) => c.split === 'held-out'),
    ),
  };
}

const pct = (s: Score) =>
  `${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)} %) answered right; with the right action offered among the nearest: ${s.right + s.suggested}/${s.total} (${((100 * (s.right + s.suggested)) / s.total).toFixed(1)} %)`;

if (require.main === module) {
  const { first, dev, heldOut, thirdDev, thirdHeldOut, fourthDev, fourthHeldOut } = qaScores();
  const verbose = process.argv.includes('--misses');
  console.log(`first set (tuned on):     ${pct(first)}`);
  if (verbose) for (const m of first.misses) console.log(`  ${m}`);
  console.log(`fresh set, development:   ${pct(dev)}`);
  if (verbose) for (const m of dev.misses) console.log(`  ${m}`);
  console.log(`fresh set, held out:      ${pct(heldOut)}`);
  console.log(`third set, development:   ${pct(thirdDev)}`);
  if (verbose) for (const m of thirdDev.misses) console.log(`  ${m}`);
  console.log(`third set, held out:      ${pct(thirdHeldOut)}`);
  console.log(`fourth set, development:  ${pct(fourthDev)}`);
  if (verbose) for (const m of fourthDev.misses) console.log(`  ${m}`);
  console.log(`fourth set, held out:     ${pct(fourthHeldOut)}`);
  const owners = [first, dev, heldOut, thirdDev, thirdHeldOut, fourthDev, fourthHeldOut].reduce((sum, s) => sum + s.ownersOutsidePlan, 0);
  console.log(`owners given to questions outside the plan: ${owners}`);
}
