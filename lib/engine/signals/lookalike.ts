// Lookalike domains: a domain that imitates a tenant or brand domain through Unicode confusables,
// punycode, digit/letter swaps or a small edit distance, or that embeds the name as a token.
import { domainToUnicode } from 'node:url';
import { getDomainWithoutSuffix } from 'tldts';
import { BRANDS } from '../data/brands';
import { toSkeleton } from '../data/confusables';

export type LookalikeTarget = { label: string; skeleton: string; domain: string; brand: string };
export type LookalikeMatch = { target: LookalikeTarget; how: 'confusable' | 'edit_distance' | 'embedded' };

// Scratch rows reused across calls: the distance runs for every link domain × every target.
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/** Restricted Damerau-Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function measureEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > cur.length) {
    prev2 = new Int32Array(n + 1);
    prev = new Int32Array(n + 1);
    cur = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** The part of a registrable domain before its public suffix ("paypal" for paypal.co.uk). */
export function labelOf(domain: string): string {
  return getDomainWithoutSuffix(domain, { allowPrivateDomains: true }) ?? domain.split('.')[0];
}

const BRAND_TARGETS: LookalikeTarget[] = (() => {
  const seen = new Set<string>();
  const out: LookalikeTarget[] = [];
  for (const brand of BRANDS) {
    for (const domain of brand.domains) {
      const label = labelOf(domain);
      if (label.length < 3 || seen.has(label)) continue;
      seen.add(label);
      out.push({ label, skeleton: toSkeleton(label), domain, brand: brand.id });
    }
  }
  return out;
})();

const LEGIT_LABELS = new Set(BRAND_TARGETS.map((t) => t.label));

/** Lookalike targets for a tenant: its own domains plus the brand list. */
export function listTargets(tenantDomains: string[]): LookalikeTarget[] {
  const tenant = tenantDomains.map((d) => {
    const label = labelOf(d.toLowerCase());
    return { label, skeleton: toSkeleton(label), domain: d.toLowerCase(), brand: '' };
  });
  return [...tenant.filter((t) => t.label.length >= 3), ...BRAND_TARGETS];
}

// Edit distance is only meaningful for longer names: short ones collide with ordinary words.
function allowedDistance(label: string): number {
  if (label.length >= 8) return 2;
  if (label.length >= 6) return 1;
  return 0;
}

/**
 * Finds the tenant or brand domain that a registrable `domain` imitates, or null. `host`, when
 * given, also catches a real domain used as a subdomain (paypal.com.evil.example).
 */
export function findLookalike(domain: string, targets: LookalikeTarget[], host = ''): LookalikeMatch | null {
  if (!domain) return null;
  if (host && host !== domain) {
    for (const t of targets) if (host.includes(`${t.domain}.`) && domain !== t.domain) return { target: t, how: 'embedded' };
  }
  const label = labelOf(domain);
  // A brand's own label (paypal.co.uk, google.de) is a real brand property, not a lookalike.
  if (LEGIT_LABELS.has(label) || targets.some((t) => t.domain === domain)) return null;
  const unicode = label.includes('xn--') ? domainToUnicode(domain).split('.')[0] : label;
  const skeleton = toSkeleton(unicode);
  const tokens = label.split(/[-_.]/).map(toSkeleton);
  for (const t of targets) {
    if (label === t.label) continue;
    if (skeleton === t.skeleton) return { target: t, how: 'confusable' };
    const max = allowedDistance(t.label);
    if (max > 0 && measureEditDistance(skeleton, t.label, max) <= max) return { target: t, how: 'edit_distance' };
    if (t.label.length >= 4 && tokens.length > 1 && tokens.includes(t.skeleton)) return { target: t, how: 'embedded' };
  }
  return null;
}
