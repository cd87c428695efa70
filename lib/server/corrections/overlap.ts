import 'server-only';
import type { CorrectionScope } from '@/lib/engine';

// Whether two scopes can match the same message: the same sender, a domain covering the other's
// address or subdomain, or the same message. Rule suppressions only overlap for the same rule
// (an allow overlaps everything it covers, since it makes the suppression moot).

/** Same rule as the engine: a domain covers itself and its subdomains, never a look-alike suffix. */
export function domainCovers(domain: string, host: string): boolean {
  const d = domain.toLowerCase();
  const h = host.toLowerCase();
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}

function who(s: CorrectionScope): { address?: string; domain?: string; fingerprint?: string } {
  if ('address' in s) return { address: s.address.toLowerCase() };
  if ('domain' in s) return { domain: s.domain.toLowerCase() };
  return { fingerprint: s.fingerprint.toLowerCase() };
}

const hostOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

export function scopesOverlap(a: CorrectionScope, b: CorrectionScope): boolean {
  const ruleA = 'ruleId' in a ? a.ruleId : null;
  const ruleB = 'ruleId' in b ? b.ruleId : null;
  if (ruleA && ruleB && ruleA !== ruleB) return false;
  const x = who(a);
  const y = who(b);
  if (x.fingerprint || y.fingerprint) return x.fingerprint === y.fingerprint;
  if (x.address && y.address) return x.address === y.address;
  if (x.address && y.domain) return domainCovers(y.domain, hostOf(x.address));
  if (x.domain && y.address) return domainCovers(x.domain, hostOf(y.address));
  return domainCovers(x.domain!, y.domain!) || domainCovers(y.domain!, x.domain!);
}
