// `npm start`: the README's promise — a working console on http://localhost:3000 with no setup.
// Ensures a database (DATABASE_URL, or embedded PostgreSQL under TRIAGE_DATA_DIR), migrates it,
// seeds the demo data into an empty one, builds if the build is missing or stale, then runs
// `next start` as a child and stops the database after it exits.
// `npm start -- --prepare-only` stops after the database steps (CI, or to check the setup);
// `npm run dev` is the same with `next dev` instead of a build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { demoAccounts, DEMO_PASSWORD, hasUsers, seedDatabase, SeedRefusedError } from '@/lib/db/seed';
import { env } from '@/lib/env';

const log = (line: string) => console.log(`[start] ${line}`);
const prepareOnly = process.argv.includes('--prepare-only');
const devMode = process.argv.includes('--dev');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

let database: DatabaseHandle | undefined;
let child: ChildProcess | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  await database?.stop();
  process.exit(code);
}

// One handler for both signals: let `next start` finish its requests, then stop the database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!child || child.exitCode !== null) void shutdown(signal === 'SIGINT' ? 130 : 143);
    else child.kill(signal); // its 'exit' handler stops the database
  });
}

try {
  database = await ensureDatabase({ log, handleSignals: false });
  await migrateDatabase(database.url, { log });
  let seeded = false;
  if (!(await hasUsers(database.url))) {
    try {
      await seedDatabase(database.url, { log });
      seeded = true;
    } catch (error) {
      if (!(error instanceof SeedRefusedError)) throw error;
      log(`Warning: the database has no users. ${error.message}`);
    }
  }
  // Resolve the secret here (generating .data/session-secret on first run): `next start` runs with
  // NODE_ENV=production, where lib/env.ts would refuse to generate one.
  const sessionSecret = env.SESSION_SECRET;
  if (prepareOnly) {
    log(`Database ready at ${redact(database.url)}; build ${isBuildStale() ? 'needed' : 'up to date'}.`);
    await shutdown(0);
  }
  // The child inherits our environment plus what it needs from us.
  const childEnv = { ...process.env, DATABASE_URL: database.url, SESSION_SECRET: sessionSecret, NEXT_TELEMETRY_DISABLED: '1' };
  if (!devMode && isBuildStale()) {
    log('Building the app (next build): the build is missing or older than the sources…');
    const code = await run(spawn(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv }));
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }
  child = devMode
    ? spawn(process.execPath, [nextBin, 'dev', '-p', String(env.PORT), '-H', env.TRIAGE_HOST], { stdio: 'inherit', env: childEnv })
    : spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(env.PORT), '--host', env.TRIAGE_HOST, ...(env.TRUST_PROXY ? ['--trust-proxy'] : [])], {
        stdio: 'inherit',
        env: { ...childEnv, NODE_ENV: 'production' },
      });
  child.once('exit', (code, signal) => void shutdown(code ?? (signal === 'SIGTERM' ? 143 : 130)));
  await announceWhenReady(seeded);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  child?.kill('SIGTERM');
  if (!child) await shutdown(1);
}

function run(process: ChildProcess): Promise<number> {
  return new Promise((resolve) => process.once('exit', (code) => resolve(code ?? 1)));
}

// A cheap staleness check: the newest source mtime against .next/BUILD_ID.
function isBuildStale(): boolean {
  const buildId = path.resolve('.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public', 'package.json', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json'];
  return sources.some((source) => newestMtime(path.resolve(source)) > built);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

async function announceWhenReady(seeded: boolean): Promise<void> {
  const probeHost = ['0.0.0.0', '::'].includes(env.TRIAGE_HOST) ? '127.0.0.1' : env.TRIAGE_HOST;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::'].includes(env.TRIAGE_HOST) ? 'localhost' : env.TRIAGE_HOST;
  for (let i = 0; i < 600 && !shuttingDown && child?.exitCode === null; i++) {
    const ok = await fetch(`http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${env.PORT}/`, { redirect: 'manual' })
      .then(() => true)
      .catch(() => false);
    if (ok) {
      log(`Triage ${env.APP_VERSION} is ready: http://${shownHost}:${env.PORT}`);
      if (seeded || !env.DATABASE_URL) {
        log(`Demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(', ')}`);
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
