import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'down'; version: string };

/** A load balancer gives up after a few seconds; answer "down" well before that. */
const DB_TIMEOUT_MS = 1500;

/** Liveness plus a database round trip, bounded by DB_TIMEOUT_MS. Never throws. */
export async function checkHealth(): Promise<Health> {
  const version = env.APP_VERSION;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DB_TIMEOUT_MS)));
  const ping = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  const up = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return up ? { status: 'ok', db: 'ok', version } : { status: 'degraded', db: 'down', version };
}
