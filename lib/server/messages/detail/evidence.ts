import 'server-only';
import type { Attribution, Evidence, Header, ParsedMessage } from '@/lib/engine';

// Where each piece of evidence sits in what the page shows. Evidence that points at the same
// place (a rule and the model feature reading the same signal) gets the same id, so clicking
// either highlights the same mark. Ids are plain strings the client uses as DOM anchors.

export type EvidenceTarget = 'text' | 'html' | 'header' | 'link' | 'attachment' | 'none';

export type EvidenceRef = {
  /** DOM anchor of the highlighted place; null when it cannot be located (context evidence). */
  id: string | null;
  target: EvidenceTarget;
  /** Where, for people: "Subject header", "plain text", "link 3", "attachment invoice.zip". */
  where: string;
  text: string;
};

export type Located = { id: string; start: number; end: number };

/** `encoded`: the value is shown decoded (the raw header was RFC 2047-encoded). */
export type HeaderMatch = { id: string; name: string; value: string; ranges: Located[]; encoded: boolean };

export type EvidenceIndex = {
  refs: (evidence: Evidence[]) => EvidenceRef[];
  /** Ranges per body part, for highlightRanges. */
  body: { text: Located[]; html: Located[] };
  headers: HeaderMatch[];
  links: Map<number, string>;
  attachments: Map<number, string>;
};

/** Assigns ids to every located piece of evidence in the decision. */
export function indexEvidence(message: ParsedMessage, attribution: readonly Attribution[]): EvidenceIndex {
  const ids = new Map<string, string>();
  const idFor = (key: string) => {
    let id = ids.get(key);
    if (!id) ids.set(key, (id = `ev-${ids.size + 1}`));
    return id;
  };
  const body = { text: [] as Located[], html: [] as Located[] };
  const headers = new Map<number, HeaderMatch>();
  const links = new Map<number, string>();
  const attachments = new Map<number, string>();
  const seen = new Set<string>();

  const locate = (e: Evidence): EvidenceRef => {
    switch (e.kind) {
      case 'body': {
        const source = e.part === 'text' ? message.text : message.htmlText;
        const valid = e.end > e.start && e.end <= source.length;
        if (!valid) return { id: null, target: 'none', where: e.part === 'text' ? 'plain text' : 'HTML text', text: e.text };
        const key = `${e.part}:${e.start}:${e.end}`;
        const id = idFor(key);
        if (!seen.has(key)) body[e.part].push({ id, start: e.start, end: e.end });
        seen.add(key);
        return { id, target: e.part, where: e.part === 'text' ? 'plain text' : 'HTML text', text: e.text };
      }
      case 'header': {
        const found = findHeader(message, e);
        if (!found) return { id: null, target: 'none', where: `${e.header} header`, text: e.text };
        const key = `h:${found.index}:${found.start}:${found.end}`;
        const id = idFor(key);
        const match = headers.get(found.index) ?? { id: `hdr-${found.index}`, name: found.header.name, value: found.header.value, ranges: [], encoded: found.encoded };
        if (!seen.has(key) && found.end > found.start) match.ranges.push({ id, start: found.start, end: found.end });
        seen.add(key);
        headers.set(found.index, match);
        return { id, target: 'header', where: `${found.header.name} header`, text: e.text };
      }
      case 'link': {
        const id = `link-${e.index}`;
        links.set(e.index, id);
        return { id, target: 'link', where: `link ${e.index + 1}`, text: e.text };
      }
      case 'attachment': {
        const id = `attachment-${e.index}`;
        attachments.set(e.index, id);
        return { id, target: 'attachment', where: `attachment ${message.attachments[e.index]?.filename || e.index + 1}`, text: e.text };
      }
      default:
        return { id: null, target: 'none', where: 'tenant history', text: e.text };
    }
  };

  // Locate everything up front so the body and header ranges are complete before rendering.
  const cache = new Map<Evidence, EvidenceRef>();
  for (const a of attribution) if (a.kind !== 'correction') for (const e of a.evidence) cache.set(e, locate(e));

  return {
    refs: (evidence) => evidence.map((e) => cache.get(e) ?? locate(e)),
    body,
    headers: [...headers.entries()].sort(([a], [b]) => a - b).map(([, match]) => match),
    links,
    attachments,
  };
}

type FoundHeader = { index: number; header: Header; start: number; end: number; encoded: boolean };

/**
 * The header instance the evidence came from. Offsets index the raw value when the text occurs
 * there verbatim; start = end = 0 means it matched only after RFC 2047 decoding, so we look for
 * the text in the value (case-insensitively) and otherwise show the header unhighlighted.
 */
function findHeader(message: ParsedMessage, e: Extract<Evidence, { kind: 'header' }>): FoundHeader | null {
  const key = e.header.toLowerCase();
  const candidates = message.headers.map((header, index) => ({ header, index })).filter((c) => c.header.key === key);
  if (!candidates.length) return null;
  if (e.end > e.start) {
    const exact = candidates.find((c) => c.header.value.slice(e.start, e.end) === e.text);
    if (exact) return { ...exact, start: e.start, end: e.end, encoded: false };
  }
  for (const c of candidates) {
    const at = c.header.value.toLowerCase().indexOf(e.text.toLowerCase());
    if (e.text && at >= 0) return { ...c, start: at, end: at + e.text.length, encoded: false };
  }
  // An encoded header is shown decoded (what the engine read), with the match found there.
  const decoded = decodedValue(message, key);
  if (decoded) {
    const at = e.text ? decoded.toLowerCase().indexOf(e.text.toLowerCase()) : -1;
    const header = { ...candidates[0].header, value: decoded };
    return { index: candidates[0].index, header, start: Math.max(at, 0), end: at >= 0 ? at + e.text.length : 0, encoded: true };
  }
  // Encoded and not one we decode: the header is listed, the match is shown in the Why panel only.
  return { ...candidates[0], start: 0, end: 0, encoded: false };
}

const formatAddress = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** The parser's decoded form of the headers evidence is usually about. */
function decodedValue(message: ParsedMessage, key: string): string | null {
  if (key === 'subject') return message.subject || null;
  if (key === 'from') return message.from ? formatAddress(message.from) : null;
  if (key === 'reply-to') return message.replyTo.map(formatAddress).join(', ') || null;
  if (key === 'to') return message.to.map(formatAddress).join(', ') || null;
  return null;
}
