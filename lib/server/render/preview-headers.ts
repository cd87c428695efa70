import 'server-only';

// How the message preview is isolated. Three independent layers, each enough on its own to stop
// network loads: (1) the sanitizer removes every remote reference, (2) the document is served
// with a CSP that forbids every load except inline data: images, (3) the iframe is sandboxed
// with no allow-* flags (no scripts, opaque origin, no forms, no navigation, no popups).
// See docs/decisions/0003-safe-message-rendering.md.

// default-src 'none'  every fetch directive (script, connect, frame, media, object, font, worker,
//                     manifest…) falls back to this: nothing loads.
// img-src data:       inline images the sanitizer produced from cid: parts; never http(s).
// style-src 'unsafe-inline'  the message's own (sanitised) <style> and style attributes;
//                     no external stylesheet is allowed, and there is no script to abuse it.
// form-action 'none' / base-uri 'none'  not covered by default-src, so stated explicitly.
// frame-ancestors 'self'  only the console may frame the preview (clickjacking, and no third
//                     party can use our endpoint to render the hostile message).
// sandbox             (no flags) applies the same sandbox as the iframe even if the document is
//                     opened directly in a tab: opaque origin, no scripts, forms, popups or navigation.
// font-src is deliberately absent: the sanitizer removes every url(), so data: fonts cannot occur.
const networkDirectives = ["default-src 'none'", 'img-src data:', "style-src 'unsafe-inline'", "form-action 'none'", "base-uri 'none'"];

/** The Content-Security-Policy of the preview document endpoint. */
export const PREVIEW_CSP = [...networkDirectives, "frame-ancestors 'self'", 'sandbox'].join('; ');

/**
 * The subset of PREVIEW_CSP a <meta http-equiv> can carry (frame-ancestors and sandbox are
 * header-only). The sanitizer puts it in the document itself, so the policy still holds if the
 * HTML is ever served without our headers (srcdoc, a download, a misconfigured route).
 */
export const PREVIEW_META_CSP = networkDirectives.join('; ');

/** Exact response headers for the route that serves sanitizeEmailHtml(...).html to the iframe. */
export const PREVIEW_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PREVIEW_CSP,
  // Never guess a type: the body is HTML we built, and must not be re-read as anything else.
  'X-Content-Type-Options': 'nosniff',
  // Nothing should load, but if something ever did it must not carry the console URL (message ids).
  'Referrer-Policy': 'no-referrer',
  // Message content is tenant data: not kept by shared caches, not kept on disk by the browser.
  'Cache-Control': 'private, no-store',
  // Other origins may not embed or read the document as a resource.
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Older user agents that ignore frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
  // Belt and braces against speculative DNS lookups of names in the document.
  'X-DNS-Prefetch-Control': 'off',
});

/**
 * Attributes for the <iframe> that shows the preview (spread them onto the element in React).
 * sandbox="" (empty) grants nothing: no allow-scripts, allow-same-origin, allow-forms,
 * allow-top-navigation, allow-popups. The csp attribute (CSP Embedded Enforcement, Chromium)
 * makes the browser refuse to render the frame unless the response carries this policy, so a
 * route that forgot the headers fails closed instead of rendering unprotected.
 */
export const PREVIEW_IFRAME_ATTRIBUTES = Object.freeze({
  sandbox: '',
  referrerPolicy: 'no-referrer',
  csp: PREVIEW_META_CSP,
  allow: '',
  loading: 'eager',
  title: 'Message preview (sandboxed, remote content blocked)',
} as const);
