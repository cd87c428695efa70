// Links from HTML anchors and bare URLs in text, with the host facts signals need.
import { domainToUnicode } from 'node:url';
import type { Link } from '../types';
import { SHORTENER_DOMAINS } from '../data/shorteners';
import { getRegistrableDomain, isIpLiteral } from './domains';
import type { HtmlAnchor } from './html-text';

/** Upper bound on links kept per message: enough for any newsletter, bounded for hostile input. */
export const MAX_LINKS = 1000;

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\[\]]+/gi;
const TRAILING = /[.,;:!?)\]}>'"]+$/;

/** Parses one href into a Link (without index/source), or null when it has no web host. */
export function describeUrl(href: string): Omit<Link, 'index' | 'source' | 'text'> | null {
  let raw = href.trim();
  if (/^www\./i.test(raw)) raw = `http://${raw}`;
  else if (raw.startsWith('//')) raw = `http:${raw}`;
  if (!/^(?:https?|ftp):/i.test(raw)) return null;
  let host: string;
  try {
    // WHATWG parsing normalises hosts: Unicode → punycode, hex/decimal IPv4 → dotted.
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host) return null;
  const registrableDomain = getRegistrableDomain(host);
  const bare = host.replace(/^www\./, '');
  return {
    href: raw,
    host,
    unicodeHost: host.includes('xn--') ? domainToUnicode(host) || host : host,
    registrableDomain,
    isIpLiteral: isIpLiteral(host),
    isShortener: SHORTENER_DOMAINS.has(registrableDomain) || SHORTENER_DOMAINS.has(bare),
  };
}

/** Builds the link list: HTML anchors first, then bare URLs in text not already seen in HTML. */
export function extractLinks(anchors: HtmlAnchor[], text: string): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const a of anchors) {
    if (links.length >= MAX_LINKS) return links;
    const d = describeUrl(a.href);
    if (!d) continue;
    seen.add(d.href);
    links.push({ ...d, index: links.length, text: a.text, source: 'html' });
  }
  for (const m of text.matchAll(BARE_URL)) {
    if (links.length >= MAX_LINKS) break;
    const d = describeUrl(m[0].replace(TRAILING, ''));
    // The text part usually repeats the HTML part's URLs; a duplicate adds nothing.
    if (!d || seen.has(d.href)) continue;
    seen.add(d.href);
    links.push({ ...d, index: links.length, text: '', source: 'text' });
  }
  return links;
}
