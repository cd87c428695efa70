import 'server-only';

// Decides what an image source in a message may become. Only inline raster images (data: URLs
// of PNG/GIF/JPEG/WebP, base64, bounded size) are ever handed to the browser; cid: references
// are resolved through the caller's map (and the result checked again); everything else
// (http, https, protocol-relative, relative, javascript:, file:, svg data…) is blocked.

export type ImageSource =
  | { kind: 'inline'; src: string }
  | { kind: 'cid'; cid: string }
  | { kind: 'remote'; url: string }
  | { kind: 'other'; url: string };

/** Largest inline image (data: URL length) shown; bigger ones are blocked like remote ones. */
export const defaultMaxInlineImageChars = 2_000_000;

const inlineImage = /^data:image\/(?:png|gif|jpeg|jpg|webp)(?:;[a-z0-9._=-]+)*;base64,[a-z0-9+/]*={0,2}$/i;

/** Remove what browsers ignore in URLs (ASCII whitespace, control characters) so checks see what they see. */
export function normalizeUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f]+/g, '');
}

/** True for a data: URL we allow as an <img> source. */
export function isInlineImage(url: string, maxChars = defaultMaxInlineImageChars): boolean {
  const normalized = normalizeUrl(url);
  return normalized.length <= maxChars && inlineImage.test(normalized);
}

/** Classify an <img src> (or similar) value. */
export function classifyImageSource(raw: string, maxInlineChars = defaultMaxInlineImageChars): ImageSource {
  const url = normalizeUrl(raw);
  if (isInlineImage(url, maxInlineChars)) return { kind: 'inline', src: url };
  if (/^cid:/i.test(url)) return { kind: 'cid', cid: normalizeContentId(url.slice(4)) };
  // A data: payload means nothing to an analyst and may itself be markup; show only its type.
  const display = /^data:/i.test(url) ? `${url.slice(0, Math.min(url.indexOf(',') + 1 || 64, 64))}…` : raw.trim().slice(0, 2_048);
  if (/^(?:https?:)?\/\//i.test(url) || /^https?:/i.test(url)) return { kind: 'remote', url: display };
  return { kind: 'other', url: display };
}

/** Canonical form of a Content-ID for lookups: no angle brackets, percent-decoded, lower case. */
export function normalizeContentId(cid: string): string {
  let value = cid.trim().replace(/^<|>$/g, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all; keep it as written.
  }
  return value.toLowerCase();
}
