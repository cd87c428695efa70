// HTML → what a reader sees (visible text), what they don't (hidden text) and the anchors.
// A streaming htmlparser2 pass: no DOM is built, scripts never run, nothing is fetched.
import { Parser } from 'htmlparser2';
import { collapseWhitespace, tidyLines } from './whitespace';

export type HtmlAnchor = { href: string; text: string };
export type HtmlContent = { visibleText: string; hiddenText: string; anchors: HtmlAnchor[] };

const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'xml', 'object']);
const BLOCK = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'pre', 'hr', 'section', 'article', 'header', 'footer', 'center', 'dl', 'dt', 'dd', 'form', 'body',
]);
const CELL = new Set(['td', 'th']);
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*[0.]+(?:px|pt|em|rem|%)?\s*(?:;|!|$)|max-height\s*:\s*0|opacity\s*:\s*0(?:\.0*)?\s*(?:;|!|$)|mso-hide\s*:\s*all/i;
const COLOR = /(?:^|;|\s)color\s*:\s*([^;!]+)/i;
const BACKGROUND = /background(?:-color)?\s*:\s*([^;!\s]+)/i;
const WHITE = /^(?:#fff(?:fff)?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))$/i;

function normaliseColor(c: string): string {
  const v = c.trim().toLowerCase();
  return WHITE.test(v) ? 'white' : v.replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/, '#$1$1$2$2$3$3');
}

/** True when inline style or attributes make the element's content invisible to a reader. */
function hidesContent(name: string, attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (name === 'font' && attrs.size === '0') return true;
  const style = attrs.style;
  if (!style) return false;
  if (HIDING_STYLE.test(style)) return true;
  const color = COLOR.exec(style);
  if (!color) return false;
  const fg = normaliseColor(color[1]);
  // Only the trivially detectable case: the same element sets a background equal to the text
  // colour. Inherited backgrounds are ignored on purpose: guessing them flags dark newsletters.
  const bg = BACKGROUND.exec(style)?.[1] ?? attrs.bgcolor;
  return bg !== undefined && normaliseColor(bg) === fg;
}

type Frame = { name: string; skip: boolean; hidden: boolean };

/** Extracts visible text, hidden text and anchors from an HTML body. */
export function extractHtmlContent(html: string): HtmlContent {
  let visible = '';
  let hidden = '';
  const anchors: HtmlAnchor[] = [];
  const stack: Frame[] = [];
  let skip = 0;
  let hide = 0;
  let anchor: HtmlAnchor | null = null;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const frame: Frame = { name, skip: SKIP.has(name), hidden: hidesContent(name, attrs) };
        stack.push(frame);
        if (frame.skip) skip++;
        if (frame.hidden) hide++;
        if (BLOCK.has(name)) visible += '\n';
        else if (CELL.has(name)) visible += ' ';
        if (name === 'a' && attrs.href !== undefined) {
          anchor = { href: attrs.href.trim(), text: '' };
          anchors.push(anchor);
        }
        if (name === 'img' && attrs.alt && anchor) anchor.text += attrs.alt;
      },
      ontext(data) {
        if (skip > 0) return;
        if (hide > 0) hidden += data;
        else visible += data;
        if (anchor) anchor.text += data;
      },
      onclosetag(name) {
        // htmlparser2 closes implied tags itself, so the stack pops in order.
        let at = stack.length - 1;
        while (at >= 0 && stack[at].name !== name) at--;
        if (at < 0) return;
        for (const frame of stack.splice(at)) {
          if (frame.skip) skip--;
          if (frame.hidden) hide--;
        }
        if (name === 'a') anchor = null;
        if (BLOCK.has(name)) visible += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  for (const a of anchors) a.text = collapseWhitespace(a.text);
  return { visibleText: tidyLines(visible), hiddenText: collapseWhitespace(hidden), anchors };
}
