// Words and word pairs of a message's subject and body: the content model's vocabulary.
// Training (scripts/train.ts) reads messages through visitTokens. Scoring finds the same words
// with a faster scanner (word-table.ts), which tests hold to this definition.
import type { ParsedMessage } from '../types';

/** Where a token first occurs: the subject, or `text` / `htmlText` (offsets index that string). */
export type TokenPlace = 'subject' | 'text' | 'html';
export type ContentToken = { token: string; place: TokenPlace; start: number; end: number };

// Enough body for the model to judge; the rest of a long message adds cost, not evidence.
export const MAX_BODY_CHARS = 20_000;
export const MAX_PAIR_WORDS = 3_000;
// Letters or digits, then up to 23 more letters, digits, apostrophes, hyphens or underscores.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_-]{1,23}/gu;
const LETTER = /\p{L}/u;

/**
 * The body the model reads: the text part, unless it is a stub beside a much longer HTML part
 * ("view this message in your browser"), then the HTML part's visible text.
 */
export function contentBody(message: Pick<ParsedMessage, 'text' | 'htmlText'>): { place: 'text' | 'html'; body: string } {
  const useText = message.text.length > 0 && message.text.length * 2 >= message.htmlText.length;
  return useText ? { place: 'text', body: message.text } : { place: 'html', body: message.htmlText };
}

export type TokenVisitor = (token: string, place: TokenPlace, start: number, end: number) => void;

/**
 * Visits every token occurrence in order: subject words prefixed `s:`, body words, and body
 * word pairs joined by a space. Words are lower-cased; pure numbers are left out because dates,
 * amounts and ids say more about when a corpus was collected than about the message.
 */
export function visitTokens(message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText'>, visit: TokenVisitor): void {
  eachWord(message.subject, (word, start, end) => visit(`s:${word}`, 'subject', start, end));
  const { place, body } = contentBody(message);
  let prev = '';
  let prevStart = 0;
  let words = 0;
  eachWord(body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body, (word, start, end) => {
    visit(word, place, start, end);
    if (prev && words < MAX_PAIR_WORDS) visit(`${prev} ${word}`, place, prevStart, end);
    prev = word;
    prevStart = start;
    words++;
  });
}

/** Calls `visit` with each lower-cased word that has a letter (an exec loop: matchAll allocates more). */
function eachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    // Most words start with an ASCII letter; only the others need the letter test.
    const c = raw.charCodeAt(0) | 0x20;
    if ((c < 97 || c > 122) && !LETTER.test(raw)) continue;
    visit(raw.toLowerCase(), m.index, m.index + raw.length);
  }
}

/** A message as the content model reads it: its distinct tokens and how many token occurrences it has. */
export type ContentDocument = { tokens: ContentToken[]; length: number };

/** The distinct tokens of a message (see visitTokens), each at its first occurrence, and the occurrence count. */
export function contentDocument(message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText'>): ContentDocument {
  const tokens: ContentToken[] = [];
  const seen = new Set<string>();
  let length = 0;
  visitTokens(message, (token, place, start, end) => {
    length++;
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push({ token, place, start, end });
  });
  return { tokens, length };
}
