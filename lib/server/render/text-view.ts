import 'server-only';
import { droppedSubtrees } from './html-policy';
import { walkHtml } from './parse-html';

// The text view of a message, as data: the UI renders segments as React text nodes, so nothing
// from the message is ever interpreted as HTML, and URLs are shown in full but never linked.

export type TextSegment = { kind: 'text' | 'url'; text: string; start: number; end: number };
export type TextView = { source: 'text' | 'html' | 'none'; text: string; segments: TextSegment[] };

export type HighlightRange = { start: number; end: number; id: string };
/** A run of text covered by the same set of ranges; `marks` lists their ids (empty: not evidence). */
export type HighlightSegment = { text: string; start: number; end: number; marks: string[] };

/** Longest text shown; bounded work and DOM size. */
export const maxTextChars = 1_000_000;

const blockElements = new Set([
  'p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'blockquote', 'pre',
  'hr', 'section', 'article', 'header', 'footer', 'ul', 'ol', 'dl', 'dt', 'dd', 'center', 'address',
]);
// Bounded quantifiers only: linear scanning, no backtracking blow-up on long tokens.
const urlPattern = /\b(?:(?:https?|hxxps?|ftp):\/\/|www\.)[^\s<>"'`\u0000-\u001f]{1,4096}/gi;

/** Build the text view: the plain-text part if there is one, else the visible text of the HTML. */
export function buildTextView({ text, html }: { text?: string; html?: string }): TextView {
  const source = text?.trim() ? 'text' : html?.trim() ? 'html' : 'none';
  const body = (source === 'text' ? text! : source === 'html' ? extractVisibleText(html!) : '').slice(0, maxTextChars);
  return { source, text: body, segments: splitUrls(body) };
}

/** Visible text of an HTML document: no script/style/head content, line breaks at blocks. */
export function extractVisibleText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  walkHtml(html.slice(0, maxTextChars * 4), {
    open(name) {
      if (hidden > 0 || droppedSubtrees.has(name) || name === 'style') hidden++;
      else if (blockElements.has(name)) parts.push('\n');
    },
    close(name) {
      if (hidden > 0) hidden--;
      else if (blockElements.has(name)) parts.push('\n');
    },
    text(text) {
      if (hidden === 0) parts.push(text.replace(/[ \t\r\n\f]+/g, ' '));
    },
  });
  // Spaces first: each text part is collapsed, but many adjacent parts can still form long runs,
  // and a long run in front of the break pattern below would make it quadratic.
  return parts
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\n[ \n]*/g, (breaks) => (breaks.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim();
}

/** Split text into plain and URL segments (URLs are marked, never turned into links). */
export function splitUrls(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(urlPattern)) {
    // Sentence punctuation after a URL is not part of it.
    const url = match[0].replace(/[.,;:!?)\]}>'"]+$/, '');
    const start = match.index;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start), start: cursor, end: start });
    segments.push({ kind: 'url', text: url, start, end: start + url.length });
    cursor = start + url.length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor), start: cursor, end: text.length });
  return segments;
}

/**
 * Cut `text` at the edges of evidence ranges (UTF-16 offsets, end exclusive), so the UI can wrap
 * covered runs in <mark>. Ranges may overlap; out-of-bounds or empty ranges are clamped or
 * ignored; an edge that would split a surrogate pair is moved outward so no half-character shows.
 */
export function highlightRanges(text: string, ranges: readonly HighlightRange[]): HighlightSegment[] {
  const valid = ranges
    .map((range) => ({ id: range.id, start: snapStart(text, clamp(range.start, text.length)), end: snapEnd(text, clamp(range.end, text.length)) }))
    .filter((range) => range.end > range.start);
  const edges = [...new Set([0, text.length, ...valid.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b);
  const starts = new Map<number, string[]>();
  const ends = new Map<number, string[]>();
  for (const range of valid) {
    starts.set(range.start, [...(starts.get(range.start) ?? []), range.id]);
    ends.set(range.end, [...(ends.get(range.end) ?? []), range.id]);
  }
  const open = new Map<string, number>(); // id → how many of its ranges cover the current run
  const segments: HighlightSegment[] = [];
  for (let index = 0; index < edges.length - 1; index++) {
    const [start, end] = [edges[index], edges[index + 1]];
    for (const id of ends.get(start) ?? []) {
      const count = (open.get(id) ?? 1) - 1;
      if (count > 0) open.set(id, count);
      else open.delete(id);
    }
    for (const id of starts.get(start) ?? []) open.set(id, (open.get(id) ?? 0) + 1);
    const marks = [...open.keys()];
    segments.push({ text: text.slice(start, end), start, end, marks });
  }
  return segments;
}

function clamp(value: number, length: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), length) : 0;
}

const isLowSurrogate = (text: string, index: number) => /[\udc00-\udfff]/.test(text[index] ?? '');

function snapStart(text: string, index: number): number {
  return index > 0 && isLowSurrogate(text, index) ? index - 1 : index;
}

function snapEnd(text: string, index: number): number {
  return index < text.length && isLowSurrogate(text, index) ? index + 1 : index;
}
