import 'server-only';
import type { ParsedMessage } from '@/lib/engine';
import { highlightRanges, splitUrls } from '@/lib/server/render';
import type { EvidenceIndex, Located } from './evidence';

// The text view as segments the client renders as plain React text (never HTML): each segment
// knows which evidence marks cover it and whether it is part of a URL (shown, never linked).
// The texts are exactly the engine's `text` and `htmlText`, so evidence offsets line up.

export type TextRun = { text: string; marks: string[]; url: boolean };
export type TextPart = { part: 'text' | 'html'; label: string; length: number; truncated: boolean; runs: TextRun[] };
export type HeaderLine = { id: string; name: string; encoded: boolean; runs: TextRun[] };

/** Longest body text sent to the page; evidence past it is listed but not highlighted. */
export const maxShownChars = 200_000;

export function buildTextParts(message: ParsedMessage, index: EvidenceIndex): TextPart[] {
  const parts: TextPart[] = [];
  if (message.text.trim()) parts.push(toPart('text', 'Plain text part', message.text, index.body.text));
  if (message.htmlText.trim()) parts.push(toPart('html', 'Visible text of the HTML part', message.htmlText, index.body.html));
  return parts;
}

export function buildHeaderLines(index: EvidenceIndex): HeaderLine[] {
  return index.headers.map((h) => ({ id: h.id, name: h.name, encoded: h.encoded, runs: toRuns(h.value.slice(0, 10_000), h.ranges) }));
}

function toPart(part: 'text' | 'html', label: string, full: string, ranges: Located[]): TextPart {
  const text = full.slice(0, maxShownChars);
  return { part, label, length: full.length, truncated: full.length > text.length, runs: toRuns(text, ranges) };
}

function toRuns(text: string, evidence: Located[]): TextRun[] {
  const urls = splitUrls(text)
    .filter((s) => s.kind === 'url')
    .map((s, i) => ({ id: `url:${i}`, start: s.start, end: s.end }));
  return highlightRanges(text, [...evidence, ...urls]).map((segment) => ({
    text: segment.text,
    marks: segment.marks.filter((m) => !m.startsWith('url:')),
    url: segment.marks.some((m) => m.startsWith('url:')),
  }));
}
