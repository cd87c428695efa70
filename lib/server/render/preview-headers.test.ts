import { describe, expect, it } from 'vitest';
import { PREVIEW_CSP, PREVIEW_IFRAME_ATTRIBUTES, PREVIEW_META_CSP, PREVIEW_RESPONSE_HEADERS } from './preview-headers';

describe('preview headers', () => {
  it('forbids every load but inline data images and styles', () => {
    expect(PREVIEW_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox");
    expect(PREVIEW_META_CSP).not.toMatch(/sandbox|frame-ancestors/); // not allowed in <meta>
    expect(PREVIEW_RESPONSE_HEADERS['Content-Security-Policy']).toBe(PREVIEW_CSP);
    expect(PREVIEW_RESPONSE_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('sandboxes the iframe with no permissions at all', () => {
    expect(PREVIEW_IFRAME_ATTRIBUTES.sandbox).toBe('');
    expect(PREVIEW_IFRAME_ATTRIBUTES.referrerPolicy).toBe('no-referrer');
    expect(PREVIEW_IFRAME_ATTRIBUTES.csp).toBe(PREVIEW_META_CSP);
  });
});
