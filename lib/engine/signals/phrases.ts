// Phrase-family matching: one combined regex, tried only where a match can start (see
// phrase-prefilter.ts), evidence with offsets.
import shippedPlan from '../data/phrase-prefilter.json';
import { PHRASES } from '../data/phrases';
import type { Evidence, ParsedMessage } from '../types';
import { PHRASE_FAMILIES, type PhraseFamily } from './catalog';
import { createPhraseMatcher } from './phrase-matcher';
import { planPrefilter, prefilterKey, PREFIX_DEPTH } from './phrase-prefilter';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

/** Characters scanned per body part: bounds the work on hostile or huge bodies. */
export const MAX_SCAN_CHARS = 100_000;

function phraseFamiliesBody(): string {
  const groups = PHRASE_FAMILIES.map((family) => {
    const body = PHRASES[family].map((p) => p.replace(/ /g, '\\s+')).join('|');
    return `(?<${family}>${body})`;
  });
  return groups.join('|');
}

/** The combined regex is `\b(?:body)\b`: one named group per family, a space in a phrase meaning `\s+`. */
export const PHRASE_REGEX_BODY = phraseFamiliesBody();

// The shipped plan if it was built from this very body (scripts/phrase-prefilter.ts writes it),
// else one built now: slower to start, as exact. Null only for syntax the prefilter does not
// read (phrase-prefilter.test.ts checks the shipped phrases use none); then every position is tried.
const PLAN =
  shippedPlan.bodySha256 === prefilterKey(PHRASE_REGEX_BODY) && shippedPlan.depth === PREFIX_DEPTH
    ? shippedPlan
    : planPrefilter(PHRASE_REGEX_BODY);
const matchPhrases = createPhraseMatcher(PHRASE_REGEX_BODY, PLAN);

type Hit = { family: PhraseFamily; start: number; end: number; text: string };

/** Every phrase hit in a text (at most MAX_SCAN_CHARS scanned). */
export function findPhrases(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!text) return hits;
  const sample = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  for (const m of matchPhrases(sample)) {
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
