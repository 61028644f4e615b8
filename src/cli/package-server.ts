/**
 * npm run package:server -- --out <file.zip>: the App Service zip (src/packaging/server-package.ts),
 * built on any desktop. Prints its size and the command that deploys it.
 */
import { resolve } from 'node:path';
import { projectRoot } from '../project-root';
import { buildServerPackage } from '../packaging/server-package';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : 'build/app.zip';
  if (!out || out.startsWith('--')) {
    console.error('Usage: npm run package:server -- --out <file.zip>');
    return 2;
  }
  const zip = resolve(out);
  const built = await buildServerPackage(projectRoot(__dirname), zip, { build: !args.includes('--no-build') });
  console.log(
    `Server package: ${built.zip}\n  ${(built.bytes / 1024 / 1024).toFixed(1)} MB, ${built.files} files (folder ${built.folder})`,
  );
  console.log(
    `Deploy it:\n  az webapp deploy --resource-group <resource group> --name <WEB_APP_NAME> --src-path "${built.zip}" --type zip`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
