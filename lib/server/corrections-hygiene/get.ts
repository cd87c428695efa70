import 'server-only';
import { authorize, type Ctx } from '@/lib/server/auth';
import { listExpiringCorrections } from './expiring';
import type { HygieneInput } from './input';
import type { HygieneCorrection } from './load';
import { listNeverMatchedCorrections, type UnmatchedCorrection } from './never-matched';
import { listOverlappingCorrections, type OverlappingPair } from './overlapping';
import { listCorrectionsReleasingMalicious, type CorrectionWithMaliciousReleases } from './released-malicious';

export type CorrectionsHygiene = {
  neverMatched: UnmatchedCorrection[];
  releasingMalicious: CorrectionWithMaliciousReleases[];
  expiring: HygieneCorrection[];
  overlapping: OverlappingPair[];
  /** The moment all four were computed against. */
  at: Date;
};

/** Admin: the four hygiene views at one instant (the History page's Hygiene tab). */
export async function getCorrectionsHygiene({ ctx, input = {}, now = new Date() }: { ctx: Ctx; input?: HygieneInput; now?: Date }): Promise<CorrectionsHygiene> {
  authorize(ctx, ['admin']);
  const args = { ctx, input, now };
  // Sequential on purpose: each walks messages, and the pool is shared with live traffic.
  const neverMatched = await listNeverMatchedCorrections(args);
  const releasingMalicious = await listCorrectionsReleasingMalicious(args);
  const expiring = await listExpiringCorrections(args);
  const overlapping = await listOverlappingCorrections(args);
  return { neverMatched, releasingMalicious, expiring, overlapping, at: now };
}
