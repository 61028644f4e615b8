/**
 * The documentation stays true (#29): the references of settings and commands are generated from
 * the code's tables and up to date, every setting and command is in them, every relative link in
 * README.md and docs/ leads to a file, and every command a guide shows is one the bot or npm knows.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SETTINGS } from '../src/config';
import { SETTING_DOCS } from '../src/config-docs';
import { COMMAND_DOCS, COMMAND_KINDS } from '../src/bot/followup/command-reference';
import { parseFollowUpCommand } from '../src/bot/followup/commands';
import { PlanAnswerer } from '../src/core/qa/answerer';
import { REFERENCE_PAGES } from '../scripts/reference';
import { GLOSSARY, PLAN, ROOT } from './fixtures/plan';

/** README.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const found = [join(ROOT, 'README.md')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return found;
}

/** The code blocks of a Markdown text, with their language tag. */
const codeBlocks = (text: string): Array<{ lang: string; lines: string[] }> =>
  [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1]!, lines: m[2]!.split('\n').filter((l) => l.trim() !== '') }));

describe('the documentation', () => {
  it('has reference pages generated from the code, up to date (npm run docs:reference)', () => {
    for (const [file, make] of Object.entries(REFERENCE_PAGES)) {
      assert.ok(existsSync(join(ROOT, file)), `${file} missing: run npm run docs:reference`);
      assert.equal(readFileSync(join(ROOT, file), 'utf8'), make(), `${file} is stale: run npm run docs:reference`);
    }
  });

  it('documents exactly the settings the code reads', () => {
    const read = Object.values(SETTINGS).map((s) => s.names[0]!);
    assert.deepEqual(
      read.filter((n) => !(n in SETTING_DOCS)),
      [],
      'read but not in src/config-docs.ts',
    );
    assert.deepEqual(
      Object.keys(SETTING_DOCS).filter((n) => !read.includes(n)),
      [],
      'in src/config-docs.ts but not read',
    );
  });

  it('documents every chat command, each with an example the bot reads as that command', () => {
    const documented = COMMAND_DOCS.map((c) => c.kind);
    assert.deepEqual(
      Object.keys(COMMAND_KINDS).filter((k) => !documented.includes(k as never)),
      [],
      'a command without a row in COMMAND_DOCS',
    );
    for (const c of COMMAND_DOCS) assert.equal(parseFollowUpCommand(c.example)?.kind, c.kind, c.example);
  });

  it('links only to files that exist', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(dirname(file), decodeURIComponent(target)))) broken.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('shows only commands that npm or the bot knows', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const answerer = new PlanAnswerer(PLAN, GLOSSARY);
    const unknown: string[] = [];
    for (const file of markdownFiles()) {
      for (const block of codeBlocks(readFileSync(file, 'utf8'))) {
        for (const line of block.lines) {
          const where = `${relative(ROOT, file)}: ${line.trim()}`;
          if (['sh', 'bash', 'powershell'].includes(block.lang)) {
            for (const m of line.matchAll(/\bnpm run (?:-s )?([\w:.-]+)/g)) if (!scripts.includes(m[1]!)) unknown.push(where);
            const bare = /^\s*npm ([a-z-]+)/.exec(line)?.[1];
            if (bare && !['run', 'start', 'test', 'install', 'ci', 'exec'].includes(bare)) unknown.push(where);
          }
          // A chat block: each line is what someone types to the bot; a command or a question the plan answers.
          if (block.lang === 'text' && line.startsWith('> ')) {
            const typed = line.slice(2).trim();
            const command = parseFollowUpCommand(typed);
            const known = command ? command.kind !== 'invalid' : answerer.answer(typed).kind !== 'not-found';
            if (!known) unknown.push(where);
          }
        }
      }
    }
    assert.deepEqual(unknown, []);
  });
});
