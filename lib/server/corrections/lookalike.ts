import 'server-only';
import { getDomain } from 'tldts';

// A small lookalike check for guardrails: does a domain imitate one of the tenant's domains or a
// known brand? Confusable characters are folded first (0→o, 1→l, rn→m, vv→w …), then the labels
// are compared by edit distance; the name embedded as a token (paypal-secure.com) also counts.

const FOLD: [RegExp, string][] = [[/rn/g, 'm'], [/vv/g, 'w'], [/cl/g, 'd'], [/0/g, 'o'], [/[1il|]/g, 'l'], [/3/g, 'e'], [/5/g, 's'], [/\$/g, 's'], [/@/g, 'a']];

function fold(label: string): string {
  return FOLD.reduce((s, [re, to]) => s.replace(re, to), label);
}

/** The registrable domain (eTLD+1), or the last two labels for suffixes tldts does not know. */
export function registrableOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h.split('.').slice(-2).join('.');
}

function labelOf(domain: string): string {
  return registrableOf(domain).split('.')[0];
}

/** Levenshtein distance with an early exit past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The target `domain` imitates (not equals), or null. Short names only match exactly after folding. */
export function findLookalikeOf(domain: string, targets: readonly string[]): string | null {
  const reg = registrableOf(domain);
  const label = labelOf(domain);
  const folded = fold(label);
  const tokens = label.split(/[-_]/).map(fold);
  // A target's own domain (outlook.com) is the real thing, not a lookalike of another target.
  if (targets.some((t) => registrableOf(t) === reg)) return null;
  for (const target of targets) {
    const t = registrableOf(target);
    if (t === reg) continue;
    const tl = labelOf(t);
    if (tl.length < 3 || tl === label) continue;
    if (folded === fold(tl)) return t;
    const max = tl.length >= 8 ? 2 : tl.length >= 5 ? 1 : 0;
    if (max > 0 && editDistance(folded, fold(tl), max) <= max) return t;
    if (tl.length >= 4 && tokens.length > 1 && tokens.includes(fold(tl))) return t;
  }
  return null;
}
