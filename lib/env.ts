import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only module that reads process.env (STYLE.md rule 11). Parsed on first use, not on import,
// so `next build` and tools that merely import a module never crash on a missing variable.

const flag = z.stringbool().default(false);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Set by the test runner to a fresh migrated database; tests create sibling databases on its server. */
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Not HOSTNAME: shells and containers set that to the machine's name.
  TRIAGE_HOST: z.string().min(1).default('127.0.0.1'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  TRIAGE_DEMO: flag,
  TRIAGE_DATA_DIR: z.string().min(1).default('.data'),
  TRUST_PROXY: flag,
  APP_VERSION: z.string().min(1).optional(),
});

export type Env = Omit<z.infer<typeof schema>, 'SESSION_SECRET' | 'APP_VERSION'> & {
  /** Absolute path of TRIAGE_DATA_DIR. */
  TRIAGE_DATA_DIR: string;
  APP_VERSION: string;
  /** Resolved on first read: see resolveSessionSecret. */
  readonly SESSION_SECRET: string;
};

let cached: Env | undefined;

/** Parses process.env once and returns the typed environment. Throws with every issue listed. */
export function loadEnv(): Env {
  if (cached) return cached;
  // An empty variable (`DATABASE_URL=`) means unset, as in most shells' and dotenv's conventions.
  const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.TRIAGE_DATA_DIR);
  let secret: string | undefined = raw.SESSION_SECRET;
  const { SESSION_SECRET: _omit, ...rest } = raw;
  void _omit;
  cached = {
    ...rest,
    TRIAGE_DATA_DIR: dataDir,
    APP_VERSION: raw.APP_VERSION ?? readPackageVersion(),
    get SESSION_SECRET() {
      secret ??= resolveSessionSecret({ production: raw.NODE_ENV === 'production', demo: raw.TRIAGE_DEMO, dataDir });
      return secret;
    },
  };
  return cached;
}

/** Forgets the parsed environment; tests that change process.env call this. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** The typed environment. Property reads parse process.env on first use. */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => Reflect.get(loadEnv(), key),
  has: (_target, key) => key in loadEnv(),
  ownKeys: () => Reflect.ownKeys(loadEnv()),
  getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(loadEnv(), key),
});

// Without SESSION_SECRET, development and demo installs persist a generated secret under the data
// folder so sessions survive restarts. A real production deployment must set it explicitly: a
// secret that silently lives on one machine's disk breaks as soon as there are two instances.
function resolveSessionSecret(opts: { production: boolean; demo: boolean; dataDir: string }): string {
  if (opts.production && !opts.demo) {
    throw new Error('SESSION_SECRET is required in production (at least 32 characters). Set TRIAGE_DEMO=1 for a demo install that generates one.');
  }
  const file = path.join(opts.dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const generated = randomBytes(32).toString('base64url');
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    // 'wx': when two processes start at once, the first writer wins and the other reads its secret.
    writeFileSync(file, generated + '\n', { mode: 0o600, flag: existsSync(file) ? 'w' : 'wx' });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}

function readPackageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
