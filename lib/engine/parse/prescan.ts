// A byte-level pre-scan that enforces the parse limits before postal-mime sees the message, so
// hostile structure (millions of parts, deep nesting, giant header lines) is rejected cheaply.
import type { ParseError, ParseLimits } from './types';

export type PrescanResult = {
  error: ParseError | null;
  /** A text/plain part (or an untyped top-level body) exists; false means the body is HTML-only. */
  hasPlain: boolean;
};

const HEADER_NAME = /^[!-9;-~]+[ \t]*:/;
// Content-Type headers at line start (with folded continuation lines) and boundary delimiter lines.
const STRUCTURE = /^content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)|^--([^\r\n]{1,200})/gim;
const BOUNDARY = /boundary[ \t]*=[ \t]*(?:"([^"]{1,200})"|([^;\s]{1,200}))/i;

function fail(code: ParseError['code'], message: string): PrescanResult {
  return { error: { code, message }, hasPlain: false };
}

/** Checks the header block: field count, unfolded line length, and that it looks like a message. */
function scanHeaders(text: string, limits: ParseLimits): PrescanResult | number {
  let pos = 0;
  let fields = 0;
  let fieldLength = 0;
  let first = true;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.length > limits.maxHeaderLine) return fail('line_too_long', `header line longer than ${limits.maxHeaderLine} bytes`);
    if (line === '') return nl + 1;
    if (line[0] === ' ' || line[0] === '\t') {
      fieldLength += line.length;
    } else {
      if (first && !HEADER_NAME.test(line) && !line.startsWith('From ')) return fail('not_a_message', 'the first line is not a header');
      fields++;
      fieldLength = line.length;
      if (fields > limits.maxHeaders) return fail('too_many_headers', `more than ${limits.maxHeaders} header fields`);
    }
    if (fieldLength > limits.maxHeaderLine) return fail('line_too_long', `header field longer than ${limits.maxHeaderLine} bytes`);
    first = false;
    pos = nl + 1;
  }
  return text.length;
}

/** Scans raw message text (latin1) against the limits and notes which text parts exist. */
export function prescanMessage(text: string, limits: ParseLimits): PrescanResult {
  if (text.trim().length === 0) return fail('not_a_message', 'empty input');
  const headerEnd = scanHeaders(text, limits);
  if (typeof headerEnd !== 'number') return headerEnd;

  const stack: string[] = [];
  let parts = 1;
  let hasPlain = false;
  let sawTopType = false;
  for (const m of text.matchAll(STRUCTURE)) {
    if (m[1] !== undefined) {
      const type = m[1].trimStart().toLowerCase();
      if ((m.index ?? 0) < headerEnd) sawTopType = true;
      if (type.startsWith('text/plain')) hasPlain = true;
      if (!type.startsWith('multipart/')) continue;
      const b = BOUNDARY.exec(m[1]);
      if (!b) continue;
      stack.push((b[1] ?? b[2]).trim());
      parts++;
      if (stack.length > limits.maxDepth) return fail('too_deep', `MIME nesting deeper than ${limits.maxDepth}`);
      if (parts > limits.maxParts) return fail('too_many_parts', `more than ${limits.maxParts} MIME parts`);
      continue;
    }
    const line = m[2].trimEnd();
    const closing = line.endsWith('--');
    const name = closing ? line.slice(0, -2) : line;
    const at = stack.lastIndexOf(name);
    if (at < 0) continue;
    stack.length = closing ? at : at + 1;
    if (!closing && ++parts > limits.maxParts) return fail('too_many_parts', `more than ${limits.maxParts} MIME parts`);
  }
  return { error: null, hasPlain: hasPlain || !sawTopType };
}
