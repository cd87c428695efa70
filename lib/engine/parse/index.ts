// Parse stage: raw RFC 5322 bytes → ParsedMessage, or an error value. Never throws on input.
// One-shot hash(): createHash builds a Hash stream object per call, which costs more than the
// digest itself on small inputs until its code is optimised.
import { hash } from 'node:crypto';
import PostalMime from 'postal-mime';
import type { Header, ParsedMessage } from '../types';
import { parseFromHeader, toAddress, toAddresses } from './addresses';
import { parseAuthResults } from './auth-results';
import { describeAttachment } from './attachments';
import { parseSimpleMime, type MimeFields } from './fast-mime';
import { extractHtmlContent } from './html-text';
import { extractLinks } from './links';
// Side effect: swaps postal-mime's Blob-based body join for a synchronous copy (same bytes).
import './mime-decoders';
import { prescanMessage } from './prescan';
import { parseReceived } from './received';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, type ParseResult } from './types';

export type { ParseError, ParseErrorCode, ParseLimits, ParseResult } from './types';
export { DEFAULT_PARSE_LIMITS } from './types';

/** Parses raw message bytes within the given limits; resolves to an error value for bad input. */
export async function parseMessage(raw: Uint8Array, limits?: Partial<ParseLimits>): Promise<ParseResult> {
  const lim: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...limits };
  if (raw.byteLength > lim.maxBytes) {
    return { ok: false, error: { code: 'too_large', message: `message is ${raw.byteLength} bytes; the limit is ${lim.maxBytes}` } };
  }
  const scan = prescanMessage(raw, lim);
  if (scan.error) return { ok: false, error: scan.error };

  let email: MimeFields | null = null;
  try {
    // Simple messages (text/HTML parts, plain attachments) skip postal-mime; null: not simple.
    email = parseSimpleMime(raw, lim.maxDepth);
  } catch {
    email = null;
  }
  try {
    email ??= await PostalMime.parse(raw, {
      // The pre-scan already bounded depth; these are postal-mime's own backstops.
      maxNestingDepth: lim.maxDepth + 1,
      maxRfc822NestingDepth: 3,
    });
  } catch (err) {
    return { ok: false, error: { code: 'malformed', message: err instanceof Error ? err.message : 'MIME parser rejected the message' } };
  }
  try {
    return { ok: true, message: buildMessage(raw, email, scan.hasPlain) };
  } catch (err) {
    // Any failure here is a bug in our own code, but callers still get a value, not a throw.
    return { ok: false, error: { code: 'malformed', message: err instanceof Error ? err.message : 'could not build the message' } };
  }
}

function toIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function buildMessage(raw: Uint8Array, email: MimeFields, hasPlain: boolean): ParsedMessage {
  const headers: Header[] = email.headers.map((h) => ({ key: h.key, name: h.originalKey, value: h.value }));
  const html = email.html ?? '';
  // postal-mime renders a text body from the HTML when there is no text/plain part; we keep
  // `text` for the real plain part so "HTML-only" stays observable.
  const text = hasPlain || !html ? (email.text ?? '') : '';
  const content = html ? extractHtmlContent(html) : { visibleText: '', hiddenText: '', anchors: [] };
  const returnPath = email.returnPath ? toAddress('', email.returnPath) : null;
  return {
    fingerprint: hash('sha256', raw, 'hex'),
    size: raw.byteLength,
    headers,
    from: parseFromHeader(headers.find((h) => h.key === 'from')?.value).from,
    sender: toAddresses(email.sender)[0] ?? null,
    replyTo: toAddresses(email.replyTo),
    returnPath,
    to: toAddresses(email.to),
    cc: toAddresses(email.cc),
    subject: email.subject ?? '',
    date: toIsoDate(email.date),
    messageId: email.messageId ?? null,
    auth: parseAuthResults(headers),
    received: parseReceived(headers),
    text,
    html,
    htmlText: content.visibleText,
    hiddenText: content.hiddenText,
    links: extractLinks(content.anchors, text),
    attachments: email.attachments.map((a, i) => describeAttachment(a, i)),
  };
}
