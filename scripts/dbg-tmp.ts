import { PlanSearch } from '../src/core/qa/search';
import { PLAN } from '../test/fixtures/plan';
const s = new PlanSearch(PLAN);
for (const q of process.argv.slice(2)) {
  const o = s.search(q);
  console.log(q, '=>', o.contentWords.map((w) => `${w}${s.knows(w) ? '' : '?'}`).join(' '), o.hits.map((h) => `${h.actionId}:${h.coverage.toFixed(2)}`).join(' '));
}
