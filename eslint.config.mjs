import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The engine must stay pure and deterministic: no framework, database, server code or environment.
const engineBans = {
  paths: [
    { name: 'react', message: 'lib/engine is framework-free.' },
    { name: 'react-dom', message: 'lib/engine is framework-free.' },
    { name: 'server-only', message: 'lib/engine runs anywhere, not only on the server.' },
  ],
  patterns: [
    { group: ['next', 'next/*'], message: 'lib/engine is framework-free.' },
    { group: ['react/*', 'react-dom/*'], message: 'lib/engine is framework-free.' },
    { group: ['@prisma/*', 'prisma', 'prisma/*'], message: 'lib/engine never touches the database.' },
    { group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', '../db', '../db/*', '../../db/*'], message: 'lib/engine never touches the database.' },
    { group: ['@/lib/server', '@/lib/server/*', '**/lib/server/*', '../server', '../server/*', '../../server/*'], message: 'lib/engine is called by the server, never the reverse.' },
    { group: ['@/lib/env', '**/lib/env'], message: 'lib/engine takes its inputs as arguments, not from the environment.' },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['lib/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineBans],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'lib/engine never reads process.env.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'lib/engine is pure: pass what it needs as arguments.' }],
    },
  },
  {
    // Command-line entry points and their tests may read the process.
    files: ['lib/engine/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  globalIgnores(['.next*/**', 'node_modules/**', '.data/**', 'lib/db/generated/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**']),
]);
