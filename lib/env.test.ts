import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv, resetEnvForTests } from './env';

const saved = { ...process.env };
const dirs: string[] = [];

function withEnv(vars: Record<string, string | undefined>) {
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'PORT', 'SESSION_SECRET', 'TRIAGE_DEMO', 'TRUST_PROXY', 'APP_VERSION']) delete process.env[key];
  const dir = mkdtempSync(path.join(tmpdir(), 'triage-env-'));
  dirs.push(dir);
  Object.assign(process.env, { TRIAGE_DATA_DIR: dir, NODE_ENV: 'development' }, vars);
  resetEnvForTests();
  return dir;
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadEnv', () => {
  it('applies defaults and parses flags', () => {
    withEnv({ TRUST_PROXY: 'true', TRIAGE_DEMO: '1', DATABASE_URL: 'postgres://u:p@db:5432/triage' });
    const env = loadEnv();
    expect(env).toMatchObject({ PORT: 3000, TRIAGE_HOST: expect.any(String), TRUST_PROXY: true, TRIAGE_DEMO: true, DATABASE_URL: 'postgres://u:p@db:5432/triage' });
    expect(env.APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('treats empty variables as unset and lists every invalid one', () => {
    withEnv({ DATABASE_URL: '', PORT: 'eighty', TRUST_PROXY: 'maybe' });
    expect(() => loadEnv()).toThrow(/PORT[\s\S]*TRUST_PROXY/);
  });

  it('rejects a non-PostgreSQL DATABASE_URL', () => {
    withEnv({ DATABASE_URL: 'mysql://x/y' });
    expect(() => loadEnv()).toThrow(/DATABASE_URL/);
  });

  it('generates a session secret once in development and keeps it across restarts', () => {
    const dir = withEnv({});
    const first = loadEnv().SESSION_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    resetEnvForTests();
    expect(loadEnv().SESSION_SECRET).toBe(first);
  });

  it('requires SESSION_SECRET in production unless TRIAGE_DEMO=1, but only when it is read', () => {
    withEnv({ NODE_ENV: 'production' });
    const env = loadEnv();
    expect(env.PORT).toBe(3000);
    expect(() => env.SESSION_SECRET).toThrow(/SESSION_SECRET is required in production/);
    withEnv({ NODE_ENV: 'production', TRIAGE_DEMO: '1' });
    expect(loadEnv().SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    withEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(loadEnv().SESSION_SECRET).toBe('x'.repeat(40));
  });
});
