// Parse-stage contract: the limits a caller may tighten and the error values parseMessage returns.
import type { ParsedMessage } from '../types';

/** Hard limits applied before and during MIME parsing; hostile input never gets past them. */
export type ParseLimits = {
  /** Total raw size in bytes. */
  maxBytes: number;
  /** MIME multipart nesting depth. */
  maxDepth: number;
  /** MIME parts (multipart boundaries opened + leaf parts). */
  maxParts: number;
  /** Header fields across the top-level header block. */
  maxHeaders: number;
  /** One (unfolded) header line, in bytes. */
  maxHeaderLine: number;
};

export type ParseErrorCode =
  /** The raw message is larger than `maxBytes`. */
  | 'too_large'
  /** More MIME parts than `maxParts`. */
  | 'too_many_parts'
  /** Multipart nesting deeper than `maxDepth`. */
  | 'too_deep'
  /** More header fields than `maxHeaders`. */
  | 'too_many_headers'
  /** A header line longer than `maxHeaderLine`. */
  | 'line_too_long'
  /** Empty input, or no header block that looks like RFC 5322. */
  | 'not_a_message'
  /** The MIME parser rejected the structure. */
  | 'malformed';

export type ParseError = { code: ParseErrorCode; message: string };

export type ParseResult = { ok: true; message: ParsedMessage } | { ok: false; error: ParseError };

/** Defaults: 25 MiB, depth 20, 500 parts, 1000 headers, 64 KiB header line. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxDepth: 20,
  maxParts: 500,
  maxHeaders: 1000,
  maxHeaderLine: 64 * 1024,
};
