/**
 * The bot as its own process (npm start's entry point through tsx), for tests where the process
 * itself is under test: that it survives a request, is killed, or refuses to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../fixtures/plan';

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines so far. */
  logs(): Array<Record<string, unknown>>;
  alive(): boolean;
  /** SIGTERM, and waits for the exit code. */
  stop(): Promise<number | null>;
}

function spawnBot(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (process.env.DEBUG_BOT) process.stderr.write(d); // to see the bot's own log when a test fails
  });
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const { child, output } = spawnBot(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${output()}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`bot exited with ${code} before listening: ${output()}`)));
    child.stdout!.on('data', () => {
      const m = /"url":"(http:\/\/[^"]+)\/api\/messages"/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return {
    child,
    url,
    output,
    logs: () =>
      output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts the bot expecting it to refuse: resolves with its exit code and output. */
export function runBotExpectingExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnBot(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not exit: ${output()}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}
