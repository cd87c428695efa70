// Whitespace tidying for text pulled out of HTML. One pass over char codes that appends slices of
// unchanged runs: the regex chains it replaced cost two to four passes and a string per pass on
// every HTML body. Their exact output is the contract (whitespace.test.ts keeps them as the oracle).

/** Collapses each whitespace run to one space and trims the ends. */
export function collapseWhitespace(s: string): string {
  const end = contentEnd(s);
  const start = contentStart(s, end);
  let out = '';
  let from = start;
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) {
      i++;
      continue;
    }
    const run = i++;
    // No bound check: the character at end - 1 is not a space, so every run stops before it.
    while (isSpace(s.charCodeAt(i))) i++;
    // A lone space is already its own replacement: it stays inside the unchanged slice.
    if (i - run === 1 && c === 0x20) continue;
    out += s.slice(from, run);
    out += ' ';
    from = i;
  }
  return out + s.slice(from, end);
}

/** Folds each run of spaces, tabs and line breaks to one newline if it holds one, else to a space; trims. */
export function tidyLines(s: string): string {
  const end = contentEnd(s);
  const start = contentStart(s, end);
  let out = '';
  let from = start;
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (!isLineSpace(c)) {
      i++;
      continue;
    }
    const run = i++;
    let newline = c === 0x0a;
    // Unbounded for the same reason as in collapseWhitespace.
    for (let d = s.charCodeAt(i); isLineSpace(d); d = s.charCodeAt(++i)) if (d === 0x0a) newline = true;
    if (i - run === 1 && (c === 0x20 || c === 0x0a)) continue;
    out += s.slice(from, run);
    out += newline ? '\n' : ' ';
    from = i;
  }
  return out + s.slice(from, end);
}

/** How many runs of non-whitespace code units `s` holds: `s.match(/\S+/g)?.length ?? 0`, without the strings. */
export function countWords(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** What `\s` matches; `String.prototype.trim` strips exactly the same code units. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// [ \t\r\f\v\u00a0] and \n: the regexes tidyLines replaced folded only these. Other Unicode spaces
// (\u2003, \u3000, ...) stay in the middle of the text and go only when trimmed off an end.
function isLineSpace(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c === 0xa0;
}

// Trimming before folding is safe: runs are all whitespace, so none straddles a trimmed end.
function contentEnd(s: string): number {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

function contentStart(s: string, end: number): number {
  let start = 0;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  return start;
}
