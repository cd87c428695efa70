import 'server-only';
import { mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

/** Contents of `<data dir>/postgres.lock`: which process owns the embedded server, and where it listens. */
export type LockInfo = {
  /** The Node process that owns (and will stop) the server. */
  pid: number;
  /** The postmaster's pid, once started. */
  postgresPid: number | null;
  /** The TCP port on 127.0.0.1, once the server accepts connections. */
  port: number | null;
  startedAt: string;
};

/** Creates the lock atomically; false when it already exists. */
export function tryCreateLock(file: string, info: LockInfo): boolean {
  try {
    writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's contents; null when missing or not (yet) valid JSON. */
export function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Rewrites a lock this process owns (e.g. to record the port once the server is up). */
export function writeLock(file: string, info: LockInfo): void {
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
}

/** Removes the lock if it still names this pid; another process may have taken it over. */
export function releaseLock(file: string, pid: number): void {
  if (readLock(file)?.pid === pid) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number | null | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes a stale lock, but only if it still holds exactly `stale`. A short-lived `.takeover`
 * directory (mkdir is atomic) stops two processes that both saw the stale lock from each deleting
 * the fresh lock the other one just created.
 */
export function removeStaleLock(file: string, stale: LockInfo): void {
  const mutex = `${file}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A takeover mutex older than 10 s belongs to a process that died mid-takeover.
    if (Date.now() - statSync(mutex).mtimeMs > 10_000) rmdirSync(mutex);
    return;
  }
  try {
    const current = readLock(file);
    if (current && current.pid === stale.pid && current.startedAt === stale.startedAt) unlinkSync(file);
  } finally {
    rmdirSync(mutex);
  }
}
