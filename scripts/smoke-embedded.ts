// Proves the README's first command on a fresh machine: `npm start` with no DATABASE_URL starts an
// embedded PostgreSQL, migrates, seeds demo data and serves; health is ok and a demo user can sign in.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './support/chromium';
import { findFreePort } from './support/free-port';

async function main() {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-smoke-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), TRIAGE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, () => child.exitCode !== null);
    await signIn(url);
    console.log('smoke: embedded start, health and sign-in ok');
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') throw new Error('npm start did not stop within 30s of SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForHealth(url: string, hasExited: () => boolean) {
  const deadline = Date.now() + 15 * 60_000; // a cold start may include `next build`
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('npm start exited before it was healthy');
    const body = await fetch(`${url}/api/health`).then((r) => (r.ok ? r.json() : null), () => null);
    if (body?.status === 'ok' && body.db === 'ok') return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('npm start was not healthy in time');
}

async function signIn(url: string) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Email').fill('admin@triage.test');
    await page.getByLabel('Password').fill('triage-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Admin' }).waitFor({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`smoke: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
