/**
 * The layers, from the imports: the core stays pure (the plan model, question answering, round
 * rules and report import no adapter), the use cases know nothing of Teams or HTTP, and the Teams
 * adapter goes through the use cases. Every import is resolved to the folder it lands in, at any
 * depth, so a core file three folders down that imports the bot is caught; a test of the check
 * itself shows that it fails on such an import.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './fixtures/plan';
import { importSpecifiers, structure } from '../scripts/structure';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** What a file imports: packages by name, relative imports as the top folder (or file) of src/ they land in. */
export function importsOf(file: string, text: string): Array<{ specifier: string; layer?: string; pkg?: string }> {
  return importSpecifiers(text).map((specifier) => {
    if (!specifier.startsWith('.')) {
      const parts = specifier.split('/');
      return { specifier, pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
    }
    const target = relative(SRC, resolve(dirname(file), specifier));
    const layer = target.startsWith('..') ? '(outside src)' : target.split(sep)[0]!.replace(/\.(ts|json)$/, '');
    return { specifier, layer };
  });
}

interface Rule {
  /** The top folder of src/ the rule is about. */
  layer: string;
  /** Folders (or top-level files) of src/ its files may not import. */
  notLayers?: string[];
  /** Folders (or top-level files) of src/ its files may import, and no others. */
  onlyLayers?: string[];
  /** Packages its files may not import. */
  notPackages: RegExp;
}

const RULES: Rule[] = [
  {
    layer: 'core',
    onlyLayers: ['core', 'types'],
    notPackages:
      /^(botbuilder.*|botframework-.*|@microsoft\/teams-ai|@microsoft\/microsoft-graph-client|@azure\/cosmos|@azure\/identity|restify|exceljs|docx|pino)$/,
  },
  {
    layer: 'usecases',
    notLayers: ['bot', 'server', 'persistence', 'scheduler', 'graph', 'config', 'bot-runtime'],
    notPackages: /^(botbuilder.*|botframework-.*|@microsoft\/teams-ai|restify|@azure\/cosmos)$/,
  },
  { layer: 'bot', notLayers: ['store', 'persistence'], notPackages: /^(@azure\/cosmos)$/ },
  {
    layer: 'persistence',
    onlyLayers: ['persistence', 'store', 'usecases', 'core'],
    notPackages: /^(botbuilder.*|@microsoft\/teams-ai|restify)$/,
  },
  { layer: 'scheduler', onlyLayers: ['scheduler', 'log'], notPackages: /^(botbuilder.*|@microsoft\/teams-ai|restify)$/ },
];

/** Every import that breaks a rule, as "file: specifier". */
export function layerOffences(sources: Array<{ file: string; text: string }>, rules: Rule[] = RULES): string[] {
  const offences: string[] = [];
  for (const { file, text } of sources) {
    const layer = relative(SRC, file).split(sep)[0];
    for (const rule of rules.filter((r) => r.layer === layer)) {
      for (const imported of importsOf(file, text)) {
        const bad = imported.pkg
          ? rule.notPackages.test(imported.pkg)
          : (rule.notLayers?.includes(imported.layer!) ?? false) || (rule.onlyLayers ? !rule.onlyLayers.includes(imported.layer!) : false);
        if (bad) offences.push(`${relative(ROOT, file)}: ${imported.specifier}`);
      }
    }
  }
  return offences;
}

describe('architecture', () => {
  it('has floors without cycles: no folder of src/ imports one that imports it back, and no file cycle', () => {
    const drawn = structure();
    assert.ok(drawn.floors.length >= 4, 'the floors were found');
    assert.deepEqual(drawn.folderCycles, []);
    assert.deepEqual(drawn.fileCycles, []);
    const floorOf = (folder: string) => drawn.floors.find((f) => f.folders.includes(folder))!.floor;
    assert.ok(floorOf('core') < floorOf('usecases') && floorOf('usecases') < floorOf('bot'), 'core below the use cases below Teams');
    assert.ok(floorOf('usecases') < floorOf('persistence'), "the persistence adapters implement the use cases' ports");
  });

  const sources = files(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('keeps src/core free of Teams, Bot Framework, Cosmos DB, HTTP servers and every adapter, at any depth', () => {
    assert.ok(sources.filter((s) => s.file.includes(`${sep}core${sep}`)).length > 30, 'the core files were found');
    assert.deepEqual(layerOffences(sources), []);
  });

  it('catches a wrong import at any depth (the check can fail)', () => {
    const deep = join(SRC, 'core/plan/template/example.ts');
    assert.deepEqual(layerOffences([{ file: deep, text: "import { createTeamsBot } from '../../../bot/teams-bot';" }]), [
      'src/core/plan/template/example.ts: ../../../bot/teams-bot',
    ]);
    assert.deepEqual(layerOffences([{ file: deep, text: "import type { Config } from '../../../config';" }]), [
      'src/core/plan/template/example.ts: ../../../config',
    ]);
    assert.deepEqual(layerOffences([{ file: join(SRC, 'core/qa/x.ts'), text: "import pino from 'pino';" }]), ['src/core/qa/x.ts: pino']);
    assert.deepEqual(layerOffences([{ file: join(SRC, 'usecases/x.ts'), text: "import { t } from '../bot/followup/texts';" }]), [
      'src/usecases/x.ts: ../bot/followup/texts',
    ]);
    assert.deepEqual(
      layerOffences([{ file: join(SRC, 'bot/followup/x.ts'), text: "import { FileStore } from '../../store/file-store';" }]),
      ['src/bot/followup/x.ts: ../../store/file-store'],
    );
    // Within its own layer, at any depth, nothing is flagged.
    assert.deepEqual(
      layerOffences([{ file: deep, text: "import { slug } from '../slug';\nimport type { Plan } from '../../plan/model';" }]),
      [],
    );
  });

  it('gives each use case only the parts of the follow-up it uses: no use case takes the whole FollowUp', () => {
    // A parameter typed as the whole FollowUp ("service: FollowUp,"), not Pick<FollowUp, …>. RoundWork
    // is the one that holds it: it runs the use cases for the scheduler and the Teams side.
    const whole = /\b\w+: FollowUp\b(?!\s*[<|&])/;
    const usecases = sources.filter((s) => s.file.startsWith(join(SRC, 'usecases')) && !/(follow-up|round-work)\.ts$/.test(s.file));
    assert.ok(usecases.length > 20, 'the use case files were found');
    assert.deepEqual(
      usecases.filter((s) => whole.test(s.text)).map((s) => relative(ROOT, s.file)),
      [],
    );
    assert.ok(whole.test('export async function x(service: FollowUp, actor: Person)'), 'the check finds a whole FollowUp');
    assert.ok(!whole.test("export async function x(service: Pick<FollowUp, 'rounds'>, actor: Person)"), 'and passes a Pick');
  });
});
