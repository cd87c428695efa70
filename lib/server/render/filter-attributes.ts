import 'server-only';
import { escapeAttribute } from './escape-html';
import { keptAttributes, maxAttributeLength, ownClassPrefix, resourceAttributes } from './html-policy';
import { sanitizeCss } from './sanitize-css';
import type { BlockedResource } from './sanitize-html';

// Attribute filtering for kept elements. Only allow-listed names survive (so every on*, href,
// src, srcset, action, formaction, ping, xlink:href, id, name… is gone); style goes through the
// CSS sanitiser; resource attributes (background=…) are reported as blocked.

/** Serialise the safe attributes of one element as ` name="value"` pairs. */
export function filterAttributes(
  element: string,
  attributes: Record<string, string>,
  report: (resource: BlockedResource) => void,
): string {
  let out = '';
  for (const [name, raw] of Object.entries(attributes)) {
    const value = raw.slice(0, maxAttributeLength);
    if (resourceAttributes.has(name)) {
      if (value.trim()) report({ kind: 'image', url: value.trim() });
    } else if (name === 'style') {
      const css = sanitizeCss(raw, report);
      if (css.trim()) out += ` style="${escapeAttribute(css)}"`;
    } else if (name === 'class') {
      const classes = value.split(/\s+/).filter((token) => token && !token.startsWith(ownClassPrefix));
      if (classes.length) out += ` class="${escapeAttribute(classes.join(' '))}"`;
    } else if (keptAttributes.has(name) && !(element === 'a' && name === 'title')) {
      out += ` ${name}="${escapeAttribute(value)}"`;
    }
  }
  return out;
}

/** A style attribute giving a placeholder the size of the image it replaces (numbers only, bounded). */
export function sizeStyle(attributes: Record<string, string>): string {
  const px = (value: string | undefined) => {
    const number = /^\s*(\d{1,4})(?:px)?\s*$/.exec(value ?? '')?.[1];
    return number ? Math.min(Number(number), 1_200) : null;
  };
  const width = px(attributes.width);
  const height = px(attributes.height);
  const parts = [width ? `width:${width}px` : '', height ? `height:${height}px` : ''].filter(Boolean);
  return parts.length ? ` style="${parts.join(';')}"` : '';
}
