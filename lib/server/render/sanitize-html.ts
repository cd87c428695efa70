import 'server-only';
import { classifyImageSource, isInlineImage, normalizeContentId } from './classify-url';
import { escapeAttribute, escapeText } from './escape-html';
import { droppedSubtrees, keptElements, renamedElements, voidElements } from './html-policy';
import { filterAttributes, sizeStyle } from './filter-attributes';
import { walkHtml } from './parse-html';
import { buildPreviewDocument } from './preview-document';
import { sanitizeCss } from './sanitize-css';

// Rebuilds a message's HTML from an allow-list (see html-policy.ts) into a complete, inert
// document. The output is written by us, never copied from the input: text is escaped, only
// allow-listed elements/attributes are emitted, and every URL the message wanted the browser to
// load is replaced by a visible placeholder and reported in `blocked`.

export type BlockedResource = { kind: 'image' | 'stylesheet' | 'css-url' | 'other'; url: string };

export type SanitizeOptions = {
  /** cid → data: URL for inline parts (checked again: only bounded PNG/GIF/JPEG/WebP pass). */
  cidImages?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Input beyond this many characters is cut off, with a visible note. */
  maxInputChars?: number;
  /** Largest data: image URL kept. */
  maxInlineImageChars?: number;
  /** Most blocked resources listed (the rest are counted in a note). */
  maxBlockedListed?: number;
};

export type SanitizedHtml = { html: string; blocked: BlockedResource[]; truncated: boolean };

const defaults = { maxInputChars: 2_000_000, maxInlineImageChars: 2_000_000, maxBlockedListed: 500 };

type Frame = { tag: string | null; drop: boolean; style: boolean };

/** Sanitise untrusted message HTML into a preview document. Never throws. */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  try {
    return sanitize(typeof html === 'string' ? html : String(html ?? ''), options);
  } catch {
    // A bug here must not take the message page down, nor fall back to unsanitised HTML.
    const note = 'This message could not be rendered safely; use the text view.';
    return { html: buildPreviewDocument({ body: '', styles: [], blocked: [], notes: [note] }), blocked: [], truncated: false };
  }
}

function sanitize(input: string, options: SanitizeOptions): SanitizedHtml {
  const limits = { ...defaults, ...stripUndefined(options) };
  const truncated = input.length > limits.maxInputChars;
  const html = truncated ? input.slice(0, limits.maxInputChars) : input;
  const cidImages = toMap(options.cidImages);

  const body: string[] = [];
  const styles: string[] = [];
  const blocked: BlockedResource[] = [];
  let blockedCount = 0;
  const report = (resource: BlockedResource) => {
    blockedCount++;
    if (blocked.length < limits.maxBlockedListed) blocked.push(resource);
  };

  const stack: Frame[] = [];
  let dropDepth = 0;
  let styleText = '';

  const emitPlaceholder = (label: string, title: string, attributes: Record<string, string>) => {
    body.push(`<span class="triage-blocked" title="${escapeAttribute(title)}"${sizeStyle(attributes)}>${escapeText(label)}</span>`);
  };

  const openImage = (attributes: Record<string, string>) => {
    if (attributes.srcset) reportSrcset(attributes.srcset, report);
    const source = classifyImageSource(attributes.src ?? '', limits.maxInlineImageChars);
    const kept = filterAttributes('img', attributes, report);
    if (source.kind === 'inline') {
      body.push(`<img src="${escapeAttribute(source.src)}"${kept}>`);
    } else if (source.kind === 'cid') {
      const resolved = cidImages.get(source.cid);
      if (resolved && isInlineImage(resolved, limits.maxInlineImageChars)) {
        body.push(`<img src="${escapeAttribute(resolved.replace(/[\u0000-\u0020]+/g, ''))}"${kept}>`);
      } else {
        emitPlaceholder(`inline image (cid:${source.cid})`, `Inline image cid:${source.cid} is not available`, attributes);
      }
    } else if (source.url) {
      report({ kind: source.kind === 'remote' ? 'image' : 'other', url: source.url });
      emitPlaceholder('remote content blocked', `Remote image blocked: ${source.url}`, attributes);
    }
  };

  const openDropped = (name: string, attributes: Record<string, string>) => {
    reportDroppedElement(name, attributes, report);
    if (name === 'input' && attributes.type?.toLowerCase() === 'image' && attributes.src) {
      emitPlaceholder('remote content blocked', `Remote image blocked: ${attributes.src}`, attributes);
    } else if (name === 'input' && attributes.type?.toLowerCase() !== 'hidden') {
      // Analysts need to see that the message asked for input (a credential form, typically).
      const kind = (attributes.type || 'text').toLowerCase().slice(0, 20);
      body.push(`<span class="triage-blocked" title="A form field was removed">form field removed (${escapeText(kind)})</span>`);
    }
  };

  walkHtml(html, {
    open(name, attributes) {
      const isVoid = voidElements.has(name);
      if (dropDepth > 0 || name === 'style' || droppedSubtrees.has(name)) {
        if (dropDepth === 0 && name !== 'style') openDropped(name, attributes);
        const style = dropDepth === 0 && name === 'style';
        if (style) styleText = '';
        stack.push({ tag: null, drop: true, style });
        dropDepth++;
        return;
      }
      if (name === 'img') {
        openImage(attributes);
        stack.push({ tag: null, drop: false, style: false });
        return;
      }
      const tag = keptElements.has(name) ? name : renamedElements.get(name) ?? null;
      if (tag) body.push(`<${tag}${name === 'a' ? linkAttributes(attributes, report) : filterAttributes(name, attributes, report)}>`);
      stack.push({ tag: isVoid ? null : tag, drop: false, style: false });
    },
    close() {
      const frame = stack.pop();
      if (!frame) return;
      if (frame.drop) {
        dropDepth--;
        if (frame.style) styles.push(sanitizeCss(styleText, (finding) => report(finding)));
        styleText = '';
      } else if (frame.tag) {
        body.push(`</${frame.tag}>`);
      }
    },
    text(text) {
      const top = stack[stack.length - 1];
      if (top?.style && dropDepth === 1) styleText += text;
      else if (dropDepth === 0) body.push(escapeText(text));
    },
  });

  const notes: string[] = [];
  if (truncated) notes.push(`This message is ${input.length.toLocaleString('en')} characters long; the preview shows the first ${limits.maxInputChars.toLocaleString('en')}.`);
  if (blockedCount > blocked.length) notes.push(`${blockedCount - blocked.length} more blocked addresses are not listed.`);
  return { html: buildPreviewDocument({ body: body.join(''), styles, blocked, notes }), blocked, truncated };
}

function linkAttributes(attributes: Record<string, string>, report: (resource: BlockedResource) => void): string {
  const kept = filterAttributes('a', { ...attributes, title: '' }, report);
  const href = attributes.href?.trim();
  if (href === undefined) return kept;
  // The destination stays visible (data-href, shown on hover/focus by our stylesheet) but is not a link.
  const shown = href.slice(0, 2_048);
  return (
    `${kept.replace(/ class="/, ' class="triage-link ')}${kept.includes(' class="') ? '' : ' class="triage-link"'}` +
    ` data-href="${escapeAttribute(shown)}" tabindex="0"` +
    ` title="${escapeAttribute(`Link to ${shown || '(empty)'}, not followable from the preview`)}"`
  );
}

function reportDroppedElement(name: string, attributes: Record<string, string>, report: (resource: BlockedResource) => void): void {
  const url = attributes.href ?? attributes.src ?? attributes.data ?? attributes.poster;
  if (name === 'link' && url) {
    report({ kind: /stylesheet/i.test(attributes.rel ?? '') ? 'stylesheet' : 'other', url: url.trim().slice(0, 2_048) });
  } else if (name === 'meta' && /refresh/i.test(attributes['http-equiv'] ?? '')) {
    const target = /url\s*=\s*['"]?([^'";]*)/i.exec(attributes.content ?? '')?.[1];
    if (target) report({ kind: 'other', url: target.trim().slice(0, 2_048) });
  } else if (name === 'input' && attributes.type?.toLowerCase() === 'image' && attributes.src) {
    report({ kind: 'image', url: attributes.src.trim().slice(0, 2_048) });
  } else if (url && name !== 'base' && name !== 'input' && !/^\s*(?:javascript|data):/i.test(url)) {
    report({ kind: 'other', url: url.trim().slice(0, 2_048) });
  }
}

function reportSrcset(srcset: string, report: (resource: BlockedResource) => void): void {
  for (const candidate of srcset.split(',').slice(0, 20)) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url && !url.startsWith('data:')) report({ kind: 'image', url: url.slice(0, 2_048) });
  }
}

function toMap(images: SanitizeOptions['cidImages']): Map<string, string> {
  const entries = images instanceof Map ? [...images] : Object.entries(images ?? {});
  return new Map(entries.map(([cid, url]) => [normalizeContentId(cid), url]));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
