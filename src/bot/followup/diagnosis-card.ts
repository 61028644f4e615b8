/**
 * The admins' `diagnos` card: the doctor's checks, one block each, with a mark a colour-blind
 * reader can tell apart (✓ – ✗). The checks' own lines are technical and in English, for the IT
 * admin who fixes them; the heading and verdict are in the reader's language. Detail and fix go in
 * text runs, which Teams never reads as Markdown (a consent command is full of _ and $).
 */
import { t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import type { CheckResult } from '../../usecases/diagnose';
import { expandCard } from '../cards/render';

const MARK = {
  ok: { mark: '✓', color: 'Good' },
  todo: { mark: '!', color: 'Warning' },
  skipped: { mark: '–', color: 'Default' },
  failed: { mark: '✗', color: 'Attention' },
} as const;

export function diagnosisCard(checks: CheckResult[], lang: Language): Record<string, unknown> {
  const failures = checks.filter((c) => c.status === 'failed').length;
  const verdict =
    failures === 0
      ? t('diagnosisAllHold', lang, {
          ok: checks.filter((c) => c.status === 'ok').length,
          todo: checks.filter((c) => c.status === 'todo').length,
          skipped: checks.filter((c) => c.status === 'skipped').length,
        })
      : t('diagnosisFailures', lang, { failed: failures, n: checks.length });
  const rows = checks.map((c) => ({ ...MARK[c.status], name: c.name, detail: c.detail, fix: c.fix ? `fix: ${c.fix}` : '' }));
  return expandCard('diagnosis', {
    title: t('diagnosisTitle', lang),
    verdict,
    verdictColor: failures === 0 ? 'Good' : 'Attention',
    note: t('diagnosisNote', lang),
    checks: rows,
    fallbackText: [verdict, ...rows.map((r) => `${r.mark} ${r.name}: ${r.detail}`)].join('\n'),
  });
}
