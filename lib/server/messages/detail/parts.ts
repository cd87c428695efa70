import 'server-only';
import { getDomain } from 'tldts';
import type { ParsedMessage, SignalSet } from '@/lib/engine';

// Links and attachments tables. Flags come from the parsed facts plus every signal whose
// evidence points at the row, so a table row says the same thing the Why panel does.

export type LinkRow = {
  index: number;
  /** Visible text ('' for a bare URL in text). */
  text: string;
  href: string;
  host: string;
  registrableDomain: string;
  flags: string[];
  anchor: string | null;
};

export type AttachmentRow = {
  index: number;
  filename: string;
  declaredType: string;
  sniffedType: string;
  size: number;
  sha256: string;
  flags: string[];
  anchor: string | null;
};

export const maxLinkRows = 500;

export function buildLinkRows(message: ParsedMessage, signals: SignalSet | null, anchors: Map<number, string>): { rows: LinkRow[]; total: number } {
  const bySignal = signalsPointingAt(signals, 'link');
  const rows = message.links.slice(0, maxLinkRows).map((link): LinkRow => {
    const flags = new Set<string>();
    if (link.isIpLiteral) flags.add('IP address');
    if (link.isShortener) flags.add('shortener');
    if (link.host.includes('xn--') || link.unicodeHost !== link.host) flags.add('punycode');
    if (/^http:/i.test(link.href)) flags.add('not HTTPS');
    if (textShowsOtherDomain(link.text, link.registrableDomain)) flags.add('text shows another domain');
    for (const name of bySignal.get(link.index) ?? []) flags.add(name);
    return { index: link.index, text: link.text, href: link.href, host: link.unicodeHost || link.host, registrableDomain: link.registrableDomain, flags: [...flags], anchor: anchors.get(link.index) ?? null };
  });
  return { rows, total: message.links.length };
}

export function buildAttachmentRows(message: ParsedMessage, signals: SignalSet | null, anchors: Map<number, string>): AttachmentRow[] {
  const bySignal = signalsPointingAt(signals, 'attachment');
  return message.attachments.map((a): AttachmentRow => {
    const flags = new Set<string>();
    if (a.executable) flags.add('executable');
    if (a.risky) flags.add('risky type');
    if (a.doubleExtension) flags.add('double extension');
    if (a.macroCapable) flags.add('macros');
    if (a.archive) flags.add('archive');
    if (a.html) flags.add('HTML');
    for (const name of bySignal.get(a.index) ?? []) flags.add(name);
    return { index: a.index, filename: a.filename, declaredType: a.declaredType, sniffedType: a.sniffedType, size: a.size, sha256: a.sha256, flags: [...flags], anchor: anchors.get(a.index) ?? null };
  });
}

/** index → names of the signals (without the `message.` prefix) whose evidence points at it. */
function signalsPointingAt(signals: SignalSet | null, kind: 'link' | 'attachment'): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [name, evidence] of Object.entries(signals?.evidence ?? {})) {
    for (const e of evidence) {
      if (e.kind !== kind) continue;
      const list = out.get(e.index) ?? [];
      const short = name.replace(/^message\./, '');
      if (!list.includes(short)) list.push(short);
      out.set(e.index, list);
    }
  }
  return out;
}

const domainInText = /\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b/i;

/** "www.paypal.com" shown over a link to evil.example: the classic mismatch. */
export function textShowsOtherDomain(text: string, hrefDomain: string): boolean {
  const match = domainInText.exec(text.slice(0, 500));
  if (!match || !hrefDomain) return false;
  const shown = getDomain(match[1].toLowerCase(), { allowPrivateDomains: true });
  return !!shown && shown !== hrefDomain.toLowerCase();
}
