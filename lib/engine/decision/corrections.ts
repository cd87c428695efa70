import type { Correction, MessageIdentity } from '../types';

export type MatchedCorrections = {
  /** The first allow-scope correction (sender, domain, message) that applies, if any. */
  allow: Correction | null;
  /** Rule id → the first rule-scoped correction that applies to it. */
  suppress: Map<string, Correction>;
};

const NONE: MatchedCorrections = { allow: null, suppress: new Map() };

/** Which corrections apply to a message: scope matches and, where required, authentication aligns. */
export function matchCorrections(corrections: readonly Correction[] | undefined, identity: MessageIdentity | undefined): MatchedCorrections {
  if (!corrections || corrections.length === 0 || !identity) return NONE;
  let allow: Correction | null = null;
  const suppress = new Map<string, Correction>();
  for (const c of corrections) {
    // requireAuth protects allow-lists from spoofing: a forged From must not inherit the trust.
    if (c.requireAuth && !identity.authAligned) continue;
    const s = c.scope;
    switch (s.kind) {
      case 'sender':
        if (!allow && sameAddress(s.address, identity.address)) allow = c;
        break;
      case 'domain':
        if (!allow && domainMatches(s.domain, identity.domain)) allow = c;
        break;
      case 'message':
        if (!allow && s.fingerprint.toLowerCase() === identity.fingerprint.toLowerCase()) allow = c;
        break;
      case 'rule_sender':
        if (!suppress.has(s.ruleId) && sameAddress(s.address, identity.address)) suppress.set(s.ruleId, c);
        break;
      case 'rule_domain':
        if (!suppress.has(s.ruleId) && domainMatches(s.domain, identity.domain)) suppress.set(s.ruleId, c);
        break;
    }
  }
  return { allow, suppress };
}

/** Addresses compare case-insensitively (local parts are case-insensitive in practice). */
export function sameAddress(a: string, b: string): boolean {
  return a !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A domain scope covers the domain itself and every subdomain, never a look-alike suffix. */
export function domainMatches(scope: string, host: string): boolean {
  const d = normalizeDomain(scope);
  const h = normalizeDomain(host);
  if (d === '' || h === '') return false;
  return h === d || h.endsWith(`.${d}`);
}

function normalizeDomain(d: string): string {
  return d.trim().toLowerCase().replace(/^[@.]+/, '').replace(/\.+$/, '');
}
