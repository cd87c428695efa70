import { getDomain } from 'tldts';
import type { MessageIdentity, ParsedMessage } from '../types';

/** The identity corrections match against: From address and host, fingerprint, aligned authentication. */
export function identifyMessage(message: ParsedMessage): MessageIdentity {
  const from = message.from;
  return {
    address: (from?.address ?? '').toLowerCase(),
    domain: (from?.domain ?? '').toLowerCase(),
    fingerprint: message.fingerprint,
    authAligned: from ? isAuthAligned(message) : false,
  };
}

/**
 * Relaxed DMARC-style alignment: DMARC pass, or an SPF or DKIM pass whose domain has the same
 * registrable domain as From. A pass for some unrelated domain proves nothing about From.
 */
export function isAuthAligned(message: ParsedMessage): boolean {
  const fromDomain = message.from?.registrableDomain.toLowerCase();
  if (!fromDomain) return false;
  const { spf, dkim, dmarc } = message.auth;
  if (dmarc?.result === 'pass') return true;
  if (spf?.result === 'pass' && registrableOf(spf.domain) === fromDomain) return true;
  return dkim.some((d) => d.result === 'pass' && registrableOf(d.domain) === fromDomain);
}

function registrableOf(host: string): string {
  const h = host.toLowerCase().replace(/^.*@/, '').replace(/\.$/, '');
  // tldts knows no suffix for made-up TLDs such as .example: fall back to the last two labels.
  return getDomain(h, { allowPrivateDomains: true }) ?? h.split('.').slice(-2).join('.');
}
