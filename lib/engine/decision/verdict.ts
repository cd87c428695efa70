import type { Action, Thresholds, Verdict } from '../types';

/** What each verdict does to the message. */
export const ACTION_BY_VERDICT: Readonly<Record<Verdict, Action>> = {
  attack: 'quarantine',
  spam: 'spam_folder',
  graymail: 'banner',
  safe: 'deliver',
};

/**
 * The verdict for a score. `attackLean` > 0 means attack evidence outweighs spam evidence; an
 * attack needs its own (higher or equal) threshold because quarantine is the costlier mistake.
 */
export function chooseVerdict(thresholds: Thresholds, score: number, attackLean: number): Verdict {
  if (score >= thresholds.attack && attackLean > 0) return 'attack';
  if (score >= thresholds.spam) return 'spam';
  if (score >= thresholds.graymail) return 'graymail';
  return 'safe';
}

/** Flagged = taken out of the inbox. */
export function isFlagged(action: Action): boolean {
  return action === 'quarantine' || action === 'spam_folder';
}
