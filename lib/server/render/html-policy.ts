import 'server-only';

// The allow-list the sanitizer rebuilds messages from. Anything not named here is either
// unwrapped (tag dropped, children kept) or dropped with its whole subtree. Allow-listing,
// not deny-listing: an element or attribute nobody thought about is never passed through.

/** Elements re-emitted as themselves (after attribute filtering). */
export const keptElements = new Set([
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote',
  'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn',
  'div', 'dl', 'dt', 'em', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'legend', 'li', 'main',
  'mark', 'nav', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small',
  'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

/** Elements renamed on output: body becomes a div (we write our own body); raw-text relics become pre. */
export const renamedElements = new Map([
  ['body', 'div'],
  ['xmp', 'pre'],
  ['plaintext', 'pre'],
  ['listing', 'pre'],
]);

// Dropped with everything inside: executable, embedding, form-control and foreign (svg/math)
// content, document metadata. Their content is either code or cannot be shown safely.
export const droppedSubtrees = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed',
  'applet', 'param', 'title', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'svg',
  'math', 'noembed', 'audio', 'video', 'source', 'track', 'canvas', 'map', 'area', 'meta',
  'link', 'base', 'basefont', 'bgsound', 'portal', 'keygen', 'command', 'slot', 'fencedframe',
  'input', 'button', 'selectedcontent',
]);

/** HTML void elements: they never have children or an end tag. */
export const voidElements = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img',
  'image', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Attributes kept on any kept element; none of them can make the browser fetch or run anything. */
export const keptAttributes = new Set([
  'align', 'valign', 'bgcolor', 'color', 'width', 'height', 'border', 'cellpadding',
  'cellspacing', 'colspan', 'rowspan', 'dir', 'lang', 'title', 'alt', 'class', 'style', 'face',
  'size', 'span', 'start', 'type', 'reversed', 'nowrap', 'hspace', 'vspace', 'summary', 'scope',
  'headers', 'abbr', 'axis', 'char', 'charoff', 'frame', 'rules', 'clear', 'noshade', 'datetime',
  'value', 'compact', 'open',
]);

/** Attributes whose value is a URL the browser would load: removed and recorded. */
export const resourceAttributes = new Set(['background', 'lowsrc', 'dynsrc', 'poster']);

/** Prefix of every class the sanitizer itself emits; messages may not use it (they could restyle our notices). */
export const ownClassPrefix = 'triage-';

/** Longest attribute value kept; longer values are cut (bounded output, no megabyte titles). */
export const maxAttributeLength = 4_096;
