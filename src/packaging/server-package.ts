/**
 * The App Service deployment: a folder (build/server) and a zip of it holding what the bot runs
 * on, and nothing else: the compiled bot (dist/src), its data (the plans and the glossary), the
 * manifest it reads its Teams app id from, package.json, and production dependencies installed
 * from the lockfile for Linux on x64 with glibc (App Service's), whatever desktop builds it. No
 * TypeScript sources, tests, development tools or install scripts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/** What the server needs, relative to the project root. */
const CONTENT = [
  'dist/src',
  'data/plan',
  'data/glossary',
  'data/plans',
  'appPackage/manifest.json',
  'package.json',
  'package-lock.json',
  '.npmrc',
];

/** Files in dependencies that Node never loads. */
const NOT_RUN = /(\.map|\.d\.[cm]?ts|\.md|\.markdown)$/i;

export class ServerPackageError extends Error {
  override readonly name = 'ServerPackageError';
}

export interface ServerPackage {
  folder: string;
  zip: string;
  bytes: number;
  files: number;
}

function run(command: string, args: string[], cwd: string): void {
  // npm is npm.cmd on Windows, which only a shell starts.
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0)
    throw new ServerPackageError(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal})`);
}

/** Every file under `dir`, relative paths with forward slashes; npm's .bin links are left out (nothing runs them). */
function filesUnder(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.bin') continue;
      out.push(...filesUnder(path, root));
    } else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

export async function buildServerPackage(
  root: string,
  zipFile: string,
  options: { build?: boolean; folder?: string } = {},
): Promise<ServerPackage> {
  if (options.build !== false) run('npm', ['run', 'build'], root);
  if (!existsSync(join(root, 'dist/src/main.js'))) throw new ServerPackageError('dist/src/main.js is missing: npm run build failed?');
  const folder = options.folder ?? join(root, 'build', 'server');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const item of CONTENT) {
    if (existsSync(join(root, item))) cpSync(join(root, item), join(folder, item), { recursive: true });
  }
  // The source maps point at TypeScript sources the package does not carry.
  for (const file of filesUnder(join(folder, 'dist'))) if (NOT_RUN.test(file)) rmSync(join(folder, 'dist', file));
  run(
    'npm',
    [
      'ci',
      '--omit=dev',
      '--os=linux',
      '--cpu=x64',
      '--libc=glibc',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    folder,
  );
  // Source maps, type declarations and documents: half the files, never loaded at run time.
  for (const file of filesUnder(join(folder, 'node_modules'))) if (NOT_RUN.test(file)) rmSync(join(folder, 'node_modules', file));
  // Azure starts the compiled bot (appCommandLine); npm's own scripts would try to build it again.
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
  manifest.scripts = { start: 'node --max-old-space-size=192 dist/src/main.js' };
  delete manifest.devDependencies;
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const zip = new JSZip();
  const files = filesUnder(folder);
  for (const file of files) zip.file(file, readFileSync(join(folder, file)), { date: statSync(join(folder, file)).mtime });
  mkdirSync(dirname(zipFile), { recursive: true });
  const bytes = await new Promise<number>((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    zip
      .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } })
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      })
      .on('end', () => {
        writeFileSync(zipFile, Buffer.concat(chunks));
        resolve(size);
      })
      .on('error', reject);
  });
  return { folder, zip: zipFile, bytes, files: files.length };
}
