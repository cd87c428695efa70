import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from './embedded-lock';
import { reapOrphanedTestServers } from './test-database';

const root = mkdtempSync(path.join(tmpdir(), 'triage-reaper-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeServerFolder(name: string, owner: number, postmaster: number): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'postgres'), { recursive: true });
  writeFileSync(path.join(dir, 'postgres.lock'), JSON.stringify({ pid: owner, postgresPid: postmaster, port: 1, startedAt: 'x' }));
  writeFileSync(path.join(dir, 'postgres', 'postmaster.pid'), `${postmaster}\n${dir}\n0\n1\n`);
  return dir;
}

describe('reapOrphanedTestServers', () => {
  it('stops the server of a dead owner, then deletes its folder; leaves live owners and other folders alone', async () => {
    // `sleep` stands in for an orphaned postmaster; a pid above pid_max stands in for the dead owner.
    const orphan = spawn('sleep', ['30']);
    const deadOwner = 2 ** 22 + 777;
    const orphaned = fakeServerFolder('triage-test-pg-orphan', deadOwner, orphan.pid!);
    const live = fakeServerFolder('triage-test-pg-live', process.pid, orphan.pid!);
    const unrelated = fakeServerFolder('something-else', deadOwner, orphan.pid!);

    reapOrphanedTestServers(root);
    await new Promise((resolve) => orphan.once('exit', resolve));
    expect(isProcessAlive(orphan.pid)).toBe(false);
    expect(existsSync(orphaned)).toBe(true); // deleted on the next pass, once the server is gone

    reapOrphanedTestServers(root);
    expect(existsSync(orphaned)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });
});
