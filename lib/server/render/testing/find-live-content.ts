import 'server-only';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

// Test oracle: re-parses sanitiser output the way a browser would see it and lists everything
// that could run code or make a request. Used by the hostile battery and the corpus sweep.

const executableOrEmbedding = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'link', 'base', 'svg', 'math', 'video', 'audio', 'source', 'portal',
  'template', 'noscript', 'meta', 'style', 'area', 'map',
]);
const urlAttributes = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'data',
  'xlink:href', 'lowsrc', 'dynsrc', 'codebase', 'cite', 'longdesc', 'usemap', 'manifest', 'srcdoc',
]);
const fetchingCss = /(?<![\w-])(?:url|src|image-set|-webkit-image-set|image|cross-fade|element|paint|expression)\s*\(|@import|behavior\s*:|-moz-binding/i;
const remoteUrl = /(?:https?:|\/\/)/i;

/** Every problem found in `html`, as readable strings; empty means inert. */
export function findLiveContent(html: string): string[] {
  const problems: string[] = [];
  const document = parseDocument(html);
  const visit = (nodes: ChildNode[], inHead: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const element = node as Element;
      checkElement(element, inHead, problems);
      visit(element.children, inHead || element.name === 'head');
    }
  };
  visit(document.children, false);
  return problems;
}

function checkElement(element: Element, inHead: boolean, problems: string[]): void {
  const { name, attribs } = element;
  // Our own head carries <meta charset>, the meta CSP/referrer and sanitised <style> blocks.
  const ownHeadElement = inHead && (name === 'meta' || name === 'style');
  if (executableOrEmbedding.has(name) && !ownHeadElement) problems.push(`element <${name}>`);
  if (name === 'style') {
    const css = element.children.map((child) => ('data' in child ? child.data : '')).join('');
    if (fetchingCss.test(css) || remoteUrl.test(css.replace(/attr\(data-href\)/g, ''))) problems.push(`stylesheet: ${css.slice(0, 120)}`);
  }
  for (const [attribute, value] of Object.entries(attribs)) {
    if (attribute.startsWith('on')) problems.push(`<${name} ${attribute}>`);
    if (attribute === 'style' && (fetchingCss.test(value) || remoteUrl.test(value))) problems.push(`<${name} style="${value.slice(0, 120)}">`);
    if (attribute === 'src' && !(name === 'img' && /^data:image\/(?:png|gif|jpeg|jpg|webp)[;,]/i.test(value))) problems.push(`<${name} src="${value.slice(0, 120)}">`);
    else if (urlAttributes.has(attribute) && attribute !== 'src') problems.push(`<${name} ${attribute}="${value.slice(0, 120)}">`);
    if (name === 'meta' && attribute === 'http-equiv' && !/^content-security-policy$/i.test(value)) problems.push(`<meta http-equiv="${value}">`);
  }
}
