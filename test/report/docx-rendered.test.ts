/**
 * The Word report as it is printed: LibreOffice lays out the sample report (Linköping's plan, half
 * answered) and the PDF's text is read back. A header or a unit's name broken in the middle of a
 * word ("Pågåend|e", "Svarsfrek|vens", "Säkerhetso|mbud") shows as two pieces of one word, and
 * fails here. Needs Debian's libreoffice-writer-nogui, fonts-crosextra-carlito and poppler-utils;
 * without them it is skipped, and says so.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleDocument, toPdf } from '../../scripts/render-report';
import { brokenWords } from './broken-words';

const has = (command: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The words the tables' headers and narrow columns hold: each must be printed whole. */
const WORDS = [
  ...['Pågående', 'Påbörjad', 'påbörjad', 'rapporterad', 'Svarsfrekvens', 'Rapporterade', 'Andel', 'Saknas'],
  ...['Förkortning', 'Betydelse', 'Beskrivning', 'utveckling', 'Besvarad', 'förändring', 'Status'],
  ...['Säkerhetsombud', 'Polisen', 'Leanlink', 'SÄKSAM', 'välfärdsbrott', 'Chefer'],
];

describe('the Word report as LibreOffice prints it', function () {
  this.timeout(180_000);
  let dir: string;
  before(function () {
    if (!has('soffice') || !has('pdftotext')) {
      console.log('      (skipped: needs libreoffice-writer-nogui, fonts-crosextra-carlito and poppler-utils)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'report-print-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('breaks no header, status or unit name in the middle of a word', async () => {
    const file = join(dir, 'rapport.docx');
    await sampleDocument(file);
    const text = execFileSync('pdftotext', [toPdf(file, dir), '-'], { encoding: 'utf8' });
    for (const word of WORDS) assert.ok(text.includes(word), `"${word}" is in the report`);
    assert.deepEqual(brokenWords(text, WORDS), []);
  });
});

describe('finding words printed broken in two', () => {
  it('finds a header split by a narrow column, and not a word printed whole or broken at its hyphen', () => {
    const printed = 'Målområde / arbetssätt\nPågåend Påbörjad Ej\nEj\nSvarsfrek\ne\npåbörjad rapporte vens\nrad\nSäkerhets-\nsamordnare';
    assert.deepEqual(brokenWords(printed, ['Pågående', 'Påbörjad', 'Svarsfrekvens', 'rapporterad', 'Säkerhets-samordnare']), [
      'Pågåend|e',
      'Svarsfrek|vens',
      'rapporte|rad',
    ]);
  });
});
