/**
 * One bot per embedded store folder: a lock file naming the process that holds it, by pid, host
 * and the process's start time. A lock is stale, and taken over, when that process is gone, or
 * when its pid now belongs to another process (after a reboot or a container restart, pids are
 * handed out again: the start time tells them apart, read from /proc on Linux). Where the start
 * time cannot be read, a live pid running Node is taken to hold the lock.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/** What the store tells its owner about a journal as it opens (a dropped torn line, a format upgrade). */
export type StoreNotice = (event: { event: string; file: string; message: string; line?: number; bytes?: number }) => void;

interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22); null where unknown. */
  startTicks: string | null;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function runsNode(pid: number): boolean {
  try {
    return /node|tsx/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // cannot tell (no /proc): assume it may be a bot
  }
}

/** Reads a lock file: this format (JSON) or the earlier one (the pid alone). */
function readOwner(file: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), host: hostname(), startTicks: null };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string')
      return { pid: owner.pid, host: owner.host, startTicks: typeof owner.startTicks === 'string' ? owner.startTicks : null };
  } catch {
    // an unreadable lock file holds nothing
  }
  return undefined;
}

/** Whether the process a lock names is still the one that wrote it. */
function holdsLock(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: it cannot be checked from here
  if (owner.pid === process.pid) return false; // our own pid in a lock left by an earlier life of this container
  if (!isAlive(owner.pid)) return false;
  const ticks = startTicksOf(owner.pid);
  if (owner.startTicks !== null && ticks !== null) return ticks === owner.startTicks;
  return runsNode(owner.pid);
}

/** Another bot holds the folder. */
export class StoreLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLockedError';
  }
}

export class StoreLock {
  private constructor(
    private readonly file: string,
    private readonly owner: LockOwner,
  ) {}

  static acquire(file: string, notice: StoreNotice): StoreLock {
    const owner: LockOwner = { pid: process.pid, host: hostname(), startTicks: startTicksOf(process.pid) };
    const content = JSON.stringify(owner);
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return new StoreLock(file, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(file);
    if (holder && holdsLock(holder)) {
      const where = holder.host === owner.host ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
      throw new StoreLockedError(
        `The embedded store in ${dirname(file)} is in use by ${where}. Run one bot per data folder, or use Cosmos DB for several. ` +
          `If no bot runs there, delete ${file}.`,
      );
    }
    notice({
      event: 'store-lock-taken-over',
      file,
      message: holder ? `stale lock of process ${holder.pid} on ${holder.host} taken over` : 'unreadable lock file replaced',
    });
    writeFileSync(file, content);
    return new StoreLock(file, owner);
  }

  /** Removes the lock file if it is still this process's. */
  release(): void {
    const current = readOwner(this.file);
    if (current && current.pid === this.owner.pid && current.host === this.owner.host) rmSync(this.file, { force: true });
  }
}
