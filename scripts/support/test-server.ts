import { spawn } from 'node:child_process';
import { findFreePort } from './free-port';

export type TestServer = { url: string; stop: () => Promise<void> };

/**
 * Starts the production build (scripts/serve.ts) on a free port against `databaseUrl` and waits
 * until /api/health says the database is reachable.
 */
export async function startTestServer(databaseUrl: string): Promise<TestServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  // The same server `npm start` runs; tests give each scenario its own client address through
  // X-Forwarded-For, so it trusts that header here.
  const args = ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--host', '127.0.0.1', '--trust-proxy'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      TRUST_PROXY: '1',
      SESSION_SECRET: 'e2e-session-secret-not-for-production-use-000000',
    },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForHealth(url, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitForHealth(url: string, hasExited: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('The test server exited before it was ready.');
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The test server at ${url} was not healthy after ${timeoutMs / 1000}s.`);
}
