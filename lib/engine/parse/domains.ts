// Domain helpers shared by addresses and links.
import { getDomain } from 'tldts';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** True for a dotted IPv4 address or a bracketed / colon-bearing IPv6 literal. */
export function isIpLiteral(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[') || host.includes(':');
}

/**
 * The registrable domain (eTLD+1) of a host, lower-cased. Unknown suffixes (such as `.example`,
 * which the tenants use) fall back to the last two labels, so `mail.contoso.example` and
 * `contoso.example` still compare equal; IP literals and single labels return the host itself.
 */
export function getRegistrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || isIpLiteral(h)) return h;
  const domain = getDomain(h, { allowPrivateDomains: true });
  if (domain) return domain;
  const labels = h.split('.');
  return labels.length <= 2 ? h : labels.slice(-2).join('.');
}
