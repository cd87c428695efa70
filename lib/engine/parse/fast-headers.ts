// A part's header block read the way postal-mime's MimeNode.processHeaders reads it, for the
// fast path: folded lines joined (folding whitespace kept), bare CR/LF inside a value turned
// into a space, only SP/HTAB trimmed, and the first Content-* header of each name deciding.
import type { LineRange } from './fast-decoders';

/** Headers of one MIME part, in postal-mime's shape, with the body-deciding ones picked out. */
export type MimeHeaders = {
  list: { key: string; originalKey: string; value: string }[];
  contentType?: string;
  contentDisposition?: string;
  transferEncoding?: string;
};

// ignoreBOM: a U+FEFF at a line start stays a character, as in postal-mime (a stripped BOM
// would turn a line strict parsers skip into a header).
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function trimWsp(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s.charCodeAt(start) === 0x20 || s.charCodeAt(start) === 0x09)) start++;
  while (end > start && (s.charCodeAt(end - 1) === 0x20 || s.charCodeAt(end - 1) === 0x09)) end--;
  return s.slice(start, end);
}

/**
 * Decodes the header lines of one part. The lines are contiguous in the raw bytes, so the
 * block is decoded once and split: UTF-8 decoding keeps every LF and CR, and a sequence cut
 * by a line break yields one U+FFFD either way.
 */
export function readHeaderBlock(raw: Uint8Array, lines: readonly LineRange[]): MimeHeaders {
  const out: MimeHeaders = { list: [] };
  if (lines.length === 0) return out;
  const block = headerDecoder.decode(raw.subarray(lines[0].start, lines[lines.length - 1].end));
  const texts = block.split('\n');
  const folded: string[][] = [];
  for (let line of texts) {
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
    if (end !== line.length) line = line.slice(0, end);
    const first = line.charCodeAt(0);
    if (folded.length && (first === 0x20 || first === 0x09)) folded[folded.length - 1].push(line);
    else folded.push([line]);
  }
  for (const parts of folded) {
    const unfolded = parts.length === 1 ? parts[0] : parts.join('');
    const sep = unfolded.indexOf(':');
    const key = trimWsp(sep < 0 ? unfolded : unfolded.slice(0, sep));
    const value = sep < 0 ? '' : trimWsp(unfolded.slice(sep + 1).replace(/[\r\n]+/g, ' '));
    const lower = key.toLowerCase();
    out.list.push({ key: lower, originalKey: key, value });
    if (lower === 'content-type') out.contentType ??= value;
    else if (lower === 'content-transfer-encoding') out.transferEncoding ??= value;
    else if (lower === 'content-disposition') out.contentDisposition ??= value;
  }
  return out;
}
