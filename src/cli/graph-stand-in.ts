/**
 * npm run graph:stand-in -- <people.csv> [--port 3979]
 * A stand-in for Microsoft Graph on 127.0.0.1, for trying the bot's way of reaching people by
 * e-mail with `npm start` and no tenant: start this, then the bot with GRAPH_ENDPOINT set to the
 * address it prints. The CSV lists the organization's people: `upn,id[,disabled]` (id: an Entra
 * object id; `disabled` for a disabled account), one per line. The app is in its catalog under
 * TEAMS_APP_ID (the manifest's id by default); installs are recorded and printed.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { FakeGraph } from '../devtools/fake-graph';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 3979;
  if (!file || !Number.isInteger(port)) {
    console.error('Usage: npm run graph:stand-in -- <people.csv> [--port 3979]\nEach line: upn,id[,disabled]');
    return 2;
  }
  const graph = new FakeGraph();
  for (const [n, line] of readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    const [upn, id, flag] = line.split(/[;,]/).map((c) => c.trim());
    if (!upn || upn.startsWith('#') || upn.toLowerCase() === 'upn') continue;
    if (!id) {
      console.error(`${file}:${n + 1}: no id for ${upn}`);
      return 1;
    }
    graph.addUser(upn, id, flag?.toLowerCase() !== 'disabled');
  }
  const { teamsAppId } = loadConfig();
  graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: teamsAppId, displayName: 'Trygghetsbot' });
  graph.onInstall = (id) => console.log(`installed the app for ${id}`);
  const url = await graph.start(port);
  console.log(`Graph stand-in with ${graph.users.size} people on ${url}\nStart the bot with GRAPH_ENDPOINT=${url}`);
  return await new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
