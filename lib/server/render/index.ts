import 'server-only';

// The safe message view's public surface. Everything else in this folder is internal.
export { sanitizeEmailHtml, type BlockedResource, type SanitizeOptions, type SanitizedHtml } from './sanitize-html';
export { PREVIEW_CSP, PREVIEW_IFRAME_ATTRIBUTES, PREVIEW_META_CSP, PREVIEW_RESPONSE_HEADERS } from './preview-headers';
export {
  buildTextView,
  extractVisibleText,
  highlightRanges,
  splitUrls,
  type HighlightRange,
  type HighlightSegment,
  type TextSegment,
  type TextView,
} from './text-view';
