/** The report as Markdown, for reading in a browser or an editor. Table cells are escaped. */
import type { Report } from '../core/report/report-model';
import { NOT_REPORTED } from '../core/followup/model';
import { countOf } from '../core/report/report-model';
import { roundLabel } from '../core/followup/periods';
import { escapeMarkdown, withoutHiddenControls } from '../core/plain-text';

/**
 * Text from people and the plan, in a table cell or a line: markup-free (every Markdown character
 * escaped, so a description's "[Logga in](http://…)" is no link and "![p](…)" no image; hidden
 * controls removed, so it reads as it is), line breaks as <br>.
 */
const cell = (text: string): string => escapeMarkdown(withoutHiddenControls(text)).replace(/\r?\n/g, '<br>');

/** What changed in the plan since the previous round's version: new, revised and removed actions. */
function versionSection(changes: NonNullable<Report['versionChanges']>): string[] {
  const lines = ['', `## Ändringar i planen sedan förra uppföljningen (version ${cell(changes.from)} → ${cell(changes.to)})`, ''];
  lines.push(`Nya åtgärder (${changes.added.length}): ${changes.added.map((a) => `${a.id} ${cell(a.text)}`).join('; ') || '–'}`, '');
  lines.push(
    `Ändrade åtgärder (${changes.changed.length}): ${changes.changed.map((a) => `${a.id} (tidigare ${a.previousId}: ${cell(a.previousText)})`).join('; ') || '–'}`,
    '',
  );
  lines.push(
    `Borttagna åtgärder (${changes.removed.length}): ${
      changes.removed
        .map((a) => `${a.id} ${cell(a.text)}${a.previousStatuses.length ? ` (senast ${cell(a.previousStatuses.join(', '))})` : ''}`)
        .join('; ') || '–'
    }`,
  );
  return lines;
}

export function reportMarkdown(report: Report): string {
  const lines: string[] = [];
  lines.push(`# Uppföljning ${roundLabel(report.year)}: ${cell(report.planTitle)}`, '');
  lines.push(`${cell(report.diarienummer)} · sista svarsdag ${report.deadline} · ${report.state === 'open' ? 'pågår' : 'stängd'}`, '');
  const columns = [...report.statuses.map((s) => s.key), 'none'];
  const counts = (c: Report['totals']): string => columns.map((k) => ` ${countOf(c, k)} |`).join('');
  const label = (key: string) => (key === 'none' ? NOT_REPORTED.label : report.statuses.find((s) => s.key === key)!.label);
  lines.push(
    '## Sammanställning',
    '',
    `| ${cell(report.areaHeading)} |${columns.map((k) => ` ${label(k)} |`).join('')}`,
    `|---|${columns.map(() => '---:|').join('')}`,
  );
  for (const a of report.areas) lines.push(`| ${cell(a.areaTitle)} |${counts(a.counts)}`);
  lines.push(`| **Totalt** |${counts(report.totals)}`, '');
  lines.push('## Svarsfrekvens per enhet', '', '| Enhet | Rapporterade | Kontakter |', '|---|---:|---|');
  for (const u of report.units) lines.push(`| ${cell(u.unit)} | ${u.answered} av ${u.total} | ${cell(u.contacts.join(', ') || '–')} |`);
  if (report.versionChanges) lines.push(...versionSection(report.versionChanges));
  lines.push('', '## Åtgärder', '');
  const prev = report.hasPreviousYear;
  lines.push(`| Id | Enhet | Åtgärd | Status | Beskrivning av utveckling | Besvarad av |${prev ? ' Förändring |' : ''}`);
  lines.push(`|---|---|---|---|---|---|${prev ? '---|' : ''}`);
  for (const r of report.rows) {
    // Who only where the report names people (publicReport); when, and on a unit's behalf, always.
    const by = r.answeredAt
      ? [r.answeredBy, r.onBehalf ? '(för enhetens räkning)' : '', r.answeredAt.slice(0, 10)].filter(Boolean).join(', ')
      : '';
    lines.push(
      `| ${cell(r.actionId)} | ${cell(r.unit)} | ${cell(r.actionText)} | ${cell(r.statusLabel)} | ${cell(r.description)} | ${cell(by)} |${prev ? ` ${cell(r.change)} |` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
