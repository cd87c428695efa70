import 'server-only';

// Everything the sanitizer writes goes through these two functions: text is escaped for element
// content and every attribute value is double-quoted and escaped, so no byte of the message can
// end an attribute or open a tag in the output, whatever the parser made of the input.

/** Escape text for HTML element content. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Escape a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
