// Phrase-family matching: one combined regex, one pass per text, evidence with offsets.
import { PHRASES } from '../data/phrases';
import type { Evidence, ParsedMessage } from '../types';
import { PHRASE_FAMILIES, type PhraseFamily } from './catalog';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

/** Characters scanned per body part: bounds the work on hostile or huge bodies. */
export const MAX_SCAN_CHARS = 100_000;

function compileFamilies(): RegExp {
  const groups = PHRASE_FAMILIES.map((family) => {
    const body = PHRASES[family].map((p) => p.replace(/ /g, '\\s+')).join('|');
    return `(?<${family}>${body})`;
  });
  return new RegExp(`\\b(?:${groups.join('|')})\\b`, 'gi');
}

const FAMILY_RE = compileFamilies();

type Hit = { family: PhraseFamily; start: number; end: number; text: string };

/** Every phrase hit in a text (at most MAX_SCAN_CHARS scanned). */
export function findPhrases(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!text) return hits;
  const sample = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  // An exec loop rather than matchAll, which builds a copy of this large regex on every call:
  // that copy took ~40 % of the scan.
  FAMILY_RE.lastIndex = 0;
  for (let m = FAMILY_RE.exec(sample); m; m = FAMILY_RE.exec(sample)) {
    // No phrase should match the empty string; if an edited one did, step past it rather than loop forever.
    if (m[0].length === 0) FAMILY_RE.lastIndex++;
    const groups = m.groups ?? {};
    for (const family of PHRASE_FAMILIES) {
      if (groups[family] === undefined) continue;
      const start = m.index;
      hits.push({ family, start, end: start + m[0].length, text: m[0] });
      break;
    }
  }
  return hits;
}

function countByFamily(hits: Hit[]): Map<PhraseFamily, Hit[]> {
  const map = new Map<PhraseFamily, Hit[]>();
  for (const h of hits) {
    const list = map.get(h.family);
    if (list) list.push(h);
    else map.set(h.family, [h]);
  }
  return map;
}

/** Sets the phrase-family counts: subject hits plus the richer of the text and HTML bodies. */
export function addPhraseSignals(set: SignalBuilder, message: ParsedMessage): void {
  const subject = countByFamily(findPhrases(message.subject));
  const text = countByFamily(findPhrases(message.text));
  const html = countByFamily(findPhrases(message.htmlText));
  let families = 0;
  let total = 0;
  for (const family of PHRASE_FAMILIES) {
    const s = subject.get(family) ?? [];
    const t = text.get(family) ?? [];
    const h = html.get(family) ?? [];
    // The text and HTML parts usually say the same thing; counting both would double it.
    const body = t.length >= h.length ? t : h;
    const part: 'text' | 'html' = t.length >= h.length ? 'text' : 'html';
    const count = s.length + body.length;
    if (count === 0) continue;
    families++;
    total += count;
    const evidence: Evidence[] = [
      ...s.map((x) => ({ ...headerEvidence(message, 'subject', x.text), text: x.text })),
      ...body.map((x): Evidence => ({ kind: 'body', part, start: x.start, end: x.end, text: x.text })),
    ];
    setSignal(set, `message.phrase_${family}_count`, count, evidence);
  }
  setSignal(set, 'message.phrase_family_count', families);
  setSignal(set, 'message.phrase_total_count', total);
}
