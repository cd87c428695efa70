// `npm test`: the one gate. Typecheck, lint, unit + integration tests on a real PostgreSQL,
// then Playwright in Debian's Chromium against a production build. Uses DATABASE_URL's server
// when set (creating and dropping its own databases), else an embedded PostgreSQL.
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureChromium } from './support/chromium';
import { bin, run } from './support/run';
import { startTestServer } from './support/test-server';
import { withTestDatabases } from './support/test-databases';

type Stage = { name: string; passed: number; failed: number; ok: boolean };

const resultsDir = '.data/test-results';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

async function main(): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });
  const stages: Stage[] = [];
  const only = process.argv.slice(2);
  const wants = (name: string) => only.length === 0 || only.includes(name);

  if (wants('typecheck')) stages.push(await runTypecheck());
  if (wants('lint')) stages.push(await runStage('lint', bin('eslint'), ['--max-warnings=0', '.']));

  await withTestDatabases(async (createDatabase) => {
    if (wants('unit')) stages.push(await runVitest(await createDatabase('unit')));
    if (wants('e2e')) stages.push(await runE2e(await createDatabase('e2e', { seed: true })));
  });

  printSummary(stages);
  return stages.every((s) => s.ok) ? 0 : 1;
}

async function runTypecheck(): Promise<Stage> {
  // Route types (.next/types) come from `next typegen`; tsc then checks everything.
  const typegen = await run(bin('next'), ['typegen'], { env });
  if (typegen !== 0) return { name: 'typecheck', passed: 0, failed: 1, ok: false };
  return runStage('typecheck', bin('tsc'), ['--noEmit']);
}

async function runStage(name: string, command: string, args: string[]): Promise<Stage> {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args, { env });
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, ok: code === 0 };
}

async function runVitest(databaseUrl: string): Promise<Stage> {
  console.log('\n▶ unit + integration (vitest, real PostgreSQL)');
  const output = `${resultsDir}/vitest.json`;
  rmSync(output, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    { env: { ...env, TEST_DATABASE_URL: databaseUrl } },
  );
  const report = readJson(output) as { numPassedTests?: number; numFailedTests?: number } | null;
  const passed = report?.numPassedTests ?? 0;
  const failed = report?.numFailedTests ?? (code === 0 ? 0 : 1);
  return { name: 'unit', passed, failed, ok: code === 0 && passed > 0 };
}

async function runE2e(databaseUrl: string): Promise<Stage> {
  console.log('\n▶ e2e (Playwright, Chromium, production build)');
  await ensureChromium();
  if ((await run(bin('next'), ['build'], { env })) !== 0) return { name: 'e2e', passed: 0, failed: 1, ok: false };
  const server = await startTestServer(databaseUrl);
  try {
    const output = `${resultsDir}/playwright.json`;
    rmSync(output, { force: true });
    const code = await run(bin('playwright'), ['test', '--reporter=list,json'], {
      env: { ...env, E2E_BASE_URL: server.url, DATABASE_URL: databaseUrl, PLAYWRIGHT_JSON_OUTPUT_FILE: output },
    });
    const stats = (readJson(output) as { stats?: { expected: number; unexpected: number; flaky: number } } | null)?.stats;
    const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    const failed = stats?.unexpected ?? (code === 0 ? 0 : 1);
    return { name: 'e2e', passed, failed, ok: code === 0 && passed > 0 };
  } finally {
    await server.stop();
  }
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function printSummary(stages: Stage[]) {
  console.log('\nSummary');
  for (const s of stages) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0);
  // The plain closing line CI reads.
  console.log(`tests: ${passed} passed, ${failed} failed`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  },
);
