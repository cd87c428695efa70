import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The launcher runs the same CLI as `node --import tsx scripts/score.ts`: same argv, streams and
// exit codes (npm run score goes through it).
function score(args: string[]) {
  return spawnSync(process.execPath, ['scripts/launch.mjs', 'scripts/score.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/launch.mjs', () => {
  it('passes the arguments through and keeps stdout, stderr and the exit code', () => {
    const r = score(['--workers', '0', '/nonexistent/x.eml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.stringify({ path: '/nonexistent/x.eml', error: { code: 'not_found', message: 'no such file or directory' } })}\n`);
    expect(r.stderr).toMatch(/^scored 0 messages from 0 files/m);
  });

  it('returns the CLI usage error', () => {
    const r = score([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run score');
  });

  it('finds the shipped ruleset relative to the sources, from any working directory', () => {
    const r = spawnSync(process.execPath, [`${ROOT}scripts/launch.mjs`, `${ROOT}scripts/score.ts`, '--workers', '0', `${ROOT}lib/engine/parse/test-support.ts`], { cwd: '/', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/scored 1 messages from 1 files/);
  });
});
