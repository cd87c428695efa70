import 'server-only';
import { sweepExpiredCorrections } from './sweep';

const DEFAULT_INTERVAL_MS = 60_000;

/**
 * Runs sweepExpiredCorrections every `intervalMs` (and once shortly after start) in this process.
 * One timer per process however often it is called; returns a function that stops it.
 */
export function startExpirySweeper({ intervalMs = DEFAULT_INTERVAL_MS }: { intervalMs?: number } = {}): () => void {
  const shared = globalThis as unknown as { triageExpirySweeper?: NodeJS.Timeout };
  if (shared.triageExpirySweeper) return () => {};
  let busy = false;
  const tick = () => {
    // A slow sweep (many expiries) must not overlap the next one.
    if (busy) return;
    busy = true;
    sweepExpiredCorrections()
      .catch((error: unknown) => console.error('correction expiry sweep failed', error))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  shared.triageExpirySweeper = timer;
  return () => {
    clearInterval(timer);
    shared.triageExpirySweeper = undefined;
  };
}
