import 'server-only';
import { escapeAttribute, escapeText } from './escape-html';
import { PREVIEW_META_CSP } from './preview-headers';
import type { BlockedResource } from './sanitize-html';

// Wraps sanitised message markup in a complete document: charset, an in-document CSP, the
// message's cleaned CSS, then our own stylesheet last and !important so a message cannot hide
// the "remote content blocked" notices or the list of blocked addresses.

const ownStylesheet = `
.triage-blocked{display:inline-block!important;visibility:visible!important;opacity:1!important;box-sizing:border-box!important;max-width:100%!important;min-height:1.6em!important;overflow:hidden!important;padding:2px 6px!important;border:1px dashed #b45309!important;background:#fffbeb!important;color:#92400e!important;font:12px/1.4 system-ui,sans-serif!important;vertical-align:middle!important;word-break:break-all!important}
.triage-link{text-decoration:underline dotted!important;cursor:help!important}
.triage-link:hover::after,.triage-link:focus::after{content:" \\2192  " attr(data-href)!important;font:12px/1.4 ui-monospace,monospace!important;color:#374151!important;background:#f3f4f6!important;word-break:break-all!important}
.triage-banner{display:block!important;visibility:visible!important;opacity:1!important;position:static!important;margin:0 0 12px!important;padding:8px 12px!important;border:1px solid #f59e0b!important;background:#fffbeb!important;color:#78350f!important;font:13px/1.5 system-ui,sans-serif!important}
.triage-banner summary{cursor:pointer!important;display:list-item!important}
.triage-banner li{font:12px/1.5 ui-monospace,monospace!important;word-break:break-all!important}
`;

export type PreviewDocumentParts = {
  body: string;
  styles: string[];
  blocked: BlockedResource[];
  notes: string[];
};

/** Assemble the final preview document from already-sanitised parts. */
export function buildPreviewDocument({ body, styles, blocked, notes }: PreviewDocumentParts): string {
  const messageCss = styles.filter(Boolean).map((css) => `<style>${css}</style>`).join('');
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(PREVIEW_META_CSP)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `${messageCss}<style>${ownStylesheet}</style></head><body>` +
    buildBanner(blocked, notes) +
    `<div class="triage-message">${body}</div></body></html>`
  );
}

function buildBanner(blocked: BlockedResource[], notes: string[]): string {
  // Notes (truncation) stay outside <details> so they are visible without a click.
  const noteHtml = notes.length ? `<div class="triage-banner">${notes.map((note) => `<p>${escapeText(note)}</p>`).join('')}</div>` : '';
  if (blocked.length === 0) return noteHtml;
  const items = blocked
    .map(({ kind, url }) => `<li>${escapeText(kind)}: ${escapeText(url || '(empty)')}</li>`)
    .join('');
  const count = blocked.length === 1 ? '1 remote resource' : `${blocked.length} remote resources`;
  return (
    `<details class="triage-banner"><summary>Remote content blocked: ${count} not loaded. Show addresses</summary>` +
    `<ol>${items}</ol></details>${noteHtml}`
  );
}
