import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { checkHealth } from './check-health';

afterAll(() => db.$disconnect());

describe('checkHealth', () => {
  it('reports degraded, without throwing, when the database is unreachable', async () => {
    // Port 1 on loopback refuses connections at once; the timeout bounds anything slower.
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/none';
    resetEnvForTests();
    const started = Date.now();
    const health = await checkHealth();
    expect(health).toMatchObject({ status: 'degraded', db: 'down', version: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
