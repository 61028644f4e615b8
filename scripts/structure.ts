/**
 * The structure drawn from the imports (`npm run structure`): each top folder of src/ and the
 * folders it imports, its floor (how many floors sit below it), the arrows that run back up (an
 * import that closes a cycle between folders), and the file cycles (type-only imports included).
 * The figures for a closing note: a layering that a newcomer can read has no back-arrows and no
 * cycles.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', existsSync(resolve(__dirname, '..', 'src')) ? '' : '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && candidate.endsWith('.ts')) return candidate;
  }
  return undefined;
}

/** Every module a file imports or requires, as written ('./x', '../core/y', 'botbuilder'). */
export const importSpecifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s+|require\()\s*'([^']+)'/g)].map((m) => m[1]!);

const folderOf = (file: string): string => relative(SRC, file).split(sep)[0]!.replace(/\.ts$/, '');

/** Strongly connected components (Tarjan), each as a list of nodes. */
function components(nodes: string[], edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      out.push(component);
    }
  };
  for (const node of nodes) if (!indices.has(node)) visit(node);
  return out;
}

export interface Structure {
  floors: Array<{ floor: number; folders: string[] }>;
  folderCycles: string[][];
  backArrows: string[];
  fileCycles: string[][];
  folderEdges: Array<{ from: string; to: string[] }>;
}

export function structure(): Structure {
  const all = files(SRC);
  const fileEdges = new Map<string, Set<string>>();
  const folderEdges = new Map<string, Set<string>>();
  const arrowFiles = new Map<string, string[]>();
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const specifier of importSpecifiers(text).filter((s) => s.startsWith('.'))) {
      const target = resolveImport(file, specifier);
      if (!target || !target.startsWith(SRC)) continue;
      targets.add(target);
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      if (!folderEdges.has(from)) folderEdges.set(from, new Set());
      folderEdges.get(from)!.add(to);
      const key = `${from} → ${to}`;
      arrowFiles.set(key, [...(arrowFiles.get(key) ?? []), relative(SRC, file)]);
    }
    fileEdges.set(file, targets);
  }
  const folders = [...new Set(all.map(folderOf))].sort();
  const folderComponents = components(folders, folderEdges);
  const componentOf = new Map<string, number>();
  folderComponents.forEach((c, i) => c.forEach((f) => componentOf.set(f, i)));
  const backArrows: string[] = [];
  for (const [from, tos] of folderEdges) {
    for (const to of tos) {
      if (componentOf.get(from) === componentOf.get(to))
        backArrows.push(`${from} → ${to} (${arrowFiles.get(`${from} → ${to}`)!.join(', ')})`);
    }
  }
  // A floor is the longest chain of imports below a folder's component.
  const floorOf = new Map<number, number>();
  const floor = (component: number): number => {
    if (floorOf.has(component)) return floorOf.get(component)!;
    floorOf.set(component, 0);
    let highest = 0;
    for (const folder of folderComponents[component]!) {
      for (const to of folderEdges.get(folder) ?? []) {
        const below = componentOf.get(to)!;
        if (below !== component) highest = Math.max(highest, floor(below) + 1);
      }
    }
    floorOf.set(component, highest);
    return highest;
  };
  const byFloor = new Map<number, string[]>();
  folderComponents.forEach((c, i) => {
    const f = floor(i);
    byFloor.set(f, [...(byFloor.get(f) ?? []), ...c].sort());
  });
  const fileCycles = components(all, fileEdges)
    .filter((c) => c.length > 1)
    .map((c) => c.map((f) => relative(SRC, f)).sort());
  return {
    floors: [...byFloor.entries()].sort((a, b) => a[0] - b[0]).map(([f, fs]) => ({ floor: f, folders: fs })),
    folderCycles: folderComponents.filter((c) => c.length > 1).map((c) => c.sort()),
    backArrows: backArrows.sort(),
    fileCycles,
    folderEdges: [...folderEdges.entries()]
      .map(([from, to]) => ({ from, to: [...to].sort() }))
      .sort((a, b) => a.from.localeCompare(b.from)),
  };
}

if (require.main === module) {
  const s = structure();
  console.log('Floors (0 imports nothing of src/):');
  for (const { floor, folders } of s.floors) console.log(`  ${floor}: ${folders.join(', ')}`);
  console.log(`Folder cycles: ${s.folderCycles.length}`);
  for (const c of s.folderCycles) console.log(`  ${c.join(' ↔ ')}`);
  console.log(`Arrows inside folder cycles: ${s.backArrows.length}`);
  for (const a of s.backArrows) console.log(`  ${a}`);
  console.log(`File cycles: ${s.fileCycles.length}`);
  for (const c of s.fileCycles) console.log(`  ${c.join(' ↔ ')}`);
  if (process.argv.includes('--edges')) for (const e of s.folderEdges) console.log(`  ${e.from} → ${e.to.join(', ')}`);
}
