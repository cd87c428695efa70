import 'server-only';

// Cleans CSS from a message (a style attribute or a <style> block) so that it cannot make the
// browser load anything or run anything. Rather than parse CSS fully, it canonicalises the text
// (comments removed, escapes decoded, backslashes and '<' gone) so that what we inspect is
// exactly what the browser will tokenize, then neutralises every construct that can fetch:
// url()/src()/image-set()/… become `none`, @import is removed, behavior/-moz-binding are renamed
// into unknown (ignored) properties. A final check drops the whole text if anything slipped by.

export type CssFinding = { kind: 'stylesheet' | 'css-url'; url: string };

/** Longest CSS text we look at; longer input is cut (bounded time, and no real email needs more). */
export const maxCssLength = 200_000;

// Functions whose arguments can name a resource. url/src take one; image-set & co. accept plain
// strings as URLs; attr() may be typed as a URL in new CSS; expression() is old-IE script.
const fetchingFunction =
  /(?<![\w-])((?:-webkit-|-moz-)?(?:url|src|image-set|image|cross-fade|element|paint|attr|expression))\s*\(/gi;
const importRule = /@import\b/gi;
const bindingProperty = /(?<![\w-])(behavior|-moz-binding|-ms-behavior)(?=\s*:)/gi;
// The last line of defence: none of these may remain in the output.
const forbidden = /(?<![\w-])(?:url|src|image-set|expression)\s*\(|@import|(?<![\w-])(?:behavior\s*:|-moz-binding)|[\\<]/i;

/** Return CSS that loads and runs nothing; every URL it referenced is passed to `report`. */
export function sanitizeCss(css: string, report: (finding: CssFinding) => void): string {
  let text = canonicalizeCss(css.slice(0, maxCssLength));
  text = removeImports(text, report);
  text = neutralizeFunctions(text, report);
  // Renamed into a property no browser knows, so the declaration is ignored.
  text = text.replace(bindingProperty, '-triage-blocked-property');
  // What is left of an address can no longer load (no url() around it), but the preview should
  // not carry live-looking URLs at all; a space cannot join neighbouring tokens into url(.
  text = text.replace(/https?:|\/\//gi, ' ');
  // Should be unreachable; if canonicalisation missed a trick, show the message unstyled.
  return forbidden.test(text) ? '' : text;
}

/** Strip comments, decode escapes, and drop characters that could re-introduce either. */
export function canonicalizeCss(css: string): string {
  let out = '';
  let index = 0;
  while (index < css.length) {
    const char = css[index];
    if (char === '/' && css[index + 1] === '*') {
      const end = css.indexOf('*/', index + 2);
      out += ' '; // a comment separates tokens: "ur/**/l(" is not url(
      index = end === -1 ? css.length : end + 2;
    } else if (char === '\\') {
      const [decoded, length] = decodeEscape(css, index);
      out += decoded;
      index += length;
    } else {
      out += char;
      index++;
    }
  }
  // A decoded "\5c" would start a new escape and "<" could close the <style> element: neither survives.
  return out.replace(/[\\<\u0000]/g, '');
}

function decodeEscape(css: string, index: number): [string, number] {
  const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(index + 1, index + 7));
  if (hex) {
    let length = 1 + hex[0].length;
    if (/[ \t\n\r\f]/.test(css[index + length] ?? '')) length++;
    const codePoint = parseInt(hex[0], 16);
    const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return [valid ? String.fromCodePoint(codePoint) : '\ufffd', length];
  }
  const next = css[index + 1];
  if (next === undefined || next === '\n' || next === '\r' || next === '\f') return ['', 2];
  return [next, 2];
}

function removeImports(css: string, report: (finding: CssFinding) => void): string {
  return replaceMatches(css, importRule, (start) => {
    // The rule runs to the next ';' (or the end); anything up to there is its prelude.
    const semicolon = css.indexOf(';', start);
    const end = semicolon === -1 ? css.length : semicolon + 1;
    report({ kind: 'stylesheet', url: firstUrlIn(css.slice(start + '@import'.length, end)) });
    return { end, replacement: ' ' };
  });
}

function neutralizeFunctions(css: string, report: (finding: CssFinding) => void): string {
  return replaceMatches(css, fetchingFunction, (start, match) => {
    const open = start + match[0].length - 1;
    const close = findCallEnd(css, open);
    const name = match[1].toLowerCase();
    if (!name.endsWith('attr') && !name.endsWith('expression')) {
      const url = name.endsWith('url') ? stripQuotes(css.slice(open + 1, close - 1)) : firstUrlIn(css.slice(open + 1, close - 1));
      report({ kind: 'css-url', url });
    }
    return { end: close, replacement: 'none' };
  });
}

type Replacement = { end: number; replacement: string };

// Walks the matches of a global regex left to right, splicing replacements in; linear because
// each replacement consumes the text it covers and the search resumes after it.
function replaceMatches(css: string, pattern: RegExp, replace: (start: number, match: RegExpExecArray) => Replacement): string {
  let out = '';
  let cursor = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(css); match; match = pattern.exec(css)) {
    const { end, replacement } = replace(match.index, match);
    out += css.slice(cursor, match.index) + replacement;
    cursor = end;
    pattern.lastIndex = Math.max(end, match.index + 1);
  }
  return out + css.slice(cursor);
}

/** Index just past the ')' closing the call whose '(' is at `open`, honouring strings and nesting. */
function findCallEnd(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let index = open; index < css.length; index++) {
    const char = css[index];
    if (quote) {
      if (char === quote || char === '\n') quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')' && --depth === 0) {
      return index + 1;
    } else if ((char === ';' || char === '}') && depth === 1 && !/^\s*url/i.test(css.slice(open - 3, open))) {
      // An unclosed call ends its declaration in the browser too.
      return index;
    }
  }
  return css.length;
}

function firstUrlIn(text: string): string {
  const call = /url\s*\(([^)]*)\)?/i.exec(text);
  if (call) return stripQuotes(call[1]);
  const quoted = /"([^"\n]*)"|'([^'\n]*)'/.exec(text);
  return (quoted?.[1] ?? quoted?.[2] ?? text).trim().slice(0, 2_048);
}

function stripQuotes(value: string): string {
  return value.trim().replace(/^(["'])([\s\S]*?)\1?$/, '$2').trim().slice(0, 2_048);
}
