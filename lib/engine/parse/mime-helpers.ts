// postal-mime's own decoding helpers, borrowed from its MimeNode prototype so the fast path
// (fast-mime.ts) parses Content-Type parameters, strips comments, picks charsets and unwraps
// format=flowed exactly as postal-mime does. If a release renames them, mimeHelpers() returns
// null and every message takes the postal-mime path.
import PostalMime from 'postal-mime';

/** A parsed structured header: lower-cased value and its parameters. */
export type StructuredValue = { value: string; params: Record<string, string> };

type Proto = {
  parseStructuredHeader?: (this: unknown, s: string) => StructuredValue;
  stripComments?: (this: unknown, s: string) => string;
  getTextContent?: (this: unknown) => string;
  decodeFlowedText?: (this: unknown, s: string, delSp: boolean) => string;
};

export type MimeHelpers = {
  parseStructuredHeader: (value: string) => StructuredValue;
  stripComments: (value: string) => string;
  /** A text part's decoded bytes as a string in its charset (format=flowed unwrapped). */
  textContent: (content: Uint8Array, contentType: StructuredValue) => string;
};

function load(): MimeHelpers | null {
  const proto = Object.getPrototypeOf((new PostalMime() as unknown as { root: object }).root) as Proto | null;
  const { parseStructuredHeader, stripComments, getTextContent, decodeFlowedText } = proto ?? {};
  if (!parseStructuredHeader || !stripComments || !getTextContent || !decodeFlowedText) return null;
  const self = { stripComments, decodeFlowedText };
  return {
    parseStructuredHeader: (value) => parseStructuredHeader.call(self, value),
    stripComments: (value) => stripComments.call(self, value),
    textContent: (content, contentType) => getTextContent.call({ ...self, content, contentType: { parsed: contentType } }),
  };
}

const helpers = load();
let enabled = true;

/** The borrowed helpers, or null when unavailable or switched off (tests compare both paths). */
export function mimeHelpers(): MimeHelpers | null {
  return enabled ? helpers : null;
}

/** Turns the fast path on or off; on by default. */
export function setFastParse(on: boolean): void {
  enabled = on;
}
