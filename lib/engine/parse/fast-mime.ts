// Fast path for simple messages: a synchronous MIME walk that yields the same fields postal-mime
// would, for messages made of text/plain and text/html parts and plain attachments. Anything
// else — a message/* part (nested message, delivery report), a calendar part, a digest, a body
// that postal-mime would convert between text and HTML, a header block over postal-mime's
// limit — returns null and the caller runs postal-mime. See docs/decisions/0006-simple-message-fast-path.md.
//
// Header values, addresses, encoded words, Content-Type parameters, charsets and format=flowed
// are all decoded by postal-mime's own functions, so only the line walk and the transfer
// decoding are ours; fast-mime.test.ts checks the result against postal-mime.
import PostalMime, { addressParser, decodeWords } from 'postal-mime';
import { decodeBase64Lines, decodePassThrough, decodeQuotedPrintable, type LineRange } from './fast-decoders';
import { readHeaderBlock, type MimeHeaders } from './fast-headers';
import { mimeHelpers, type StructuredValue } from './mime-helpers';

type Email = Awaited<ReturnType<typeof PostalMime.parse>>;
/** The part of postal-mime's Email that buildMessage reads. */
export type MimeFields = Pick<Email, 'headers' | 'html' | 'text' | 'returnPath' | 'sender' | 'replyTo' | 'to' | 'cc' | 'subject' | 'date' | 'messageId' | 'attachments'>;

type Helpers = NonNullable<ReturnType<typeof mimeHelpers>>;

type Node = {
  parent: Node | null;
  depth: number;
  /** Raw header lines of a part, decoded when the part's headers end. */
  headerRanges: LineRange[];
  headers: MimeHeaders | null;
  contentType: StructuredValue;
  multipart: string | false;
  encoding: string;
  disposition: StructuredValue;
  body: LineRange[];
  children: Node[];
  boundary: Uint8Array | null;
};

const encoder = new TextEncoder();
// postal-mime's own header budget (MAX_HEADERS_SIZE); over it postal-mime errors, so we defer.
const MAX_HEADER_BYTES = 2 * 1024 * 1024;
// Deeper structure is rare in real mail; leave it to postal-mime.
const MAX_FAST_DEPTH = 4;

/** Parses a simple message without postal-mime's machinery; null means "use postal-mime". */
export function parseSimpleMime(raw: Uint8Array, maxDepth: number): MimeFields | null {
  const helpers = mimeHelpers();
  if (!helpers) return null;
  const root = newNode(null);
  const open: Node[] = [];
  let current = root;
  let headerBytes = 0;
  let pos = 0;
  const length = raw.byteLength;
  while (pos < length) {
    let nl = raw.indexOf(0x0a, pos);
    const next = nl < 0 ? length : nl + 1;
    if (nl < 0) nl = length;
    let end = nl;
    while (end > pos && raw[end - 1] === 0x0d) end--;
    const line = { start: pos, end };
    pos = next;
    if (open.length && end - line.start > 2 && raw[line.start] === 0x2d && raw[line.start + 1] === 0x2d) {
      const hit = matchBoundary(raw, line, open);
      if (hit) {
        // Closing parts needs no work here: a part still in its header block keeps the
        // headers it has (read in collect), and like postal-mime it never opens a boundary.
        const owner = open[hit.index];
        open.length = hit.index + (hit.terminator ? 0 : 1);
        if (hit.terminator) {
          current = owner.parent ?? root;
        } else {
          current = newNode(owner);
          if (current.depth > maxDepth + 1 || current.depth > MAX_FAST_DEPTH) return null;
          owner.children.push(current);
        }
        continue;
      }
    }
    if (current.headers === null) {
      if (end === line.start) {
        if (!finishHeaders(raw, current, helpers)) return null;
        if (current.multipart && current.boundary) open.push(current);
        continue;
      }
      headerBytes += end - line.start;
      if (headerBytes > MAX_HEADER_BYTES) return null;
      current.headerRanges.push(line);
    } else if (!current.multipart) {
      current.body.push(line);
    }
  }
  return collect(raw, root, helpers);
}

function newNode(parent: Node | null): Node {
  return {
    parent,
    depth: parent ? parent.depth + 1 : 0,
    headerRanges: [],
    headers: null,
    contentType: { value: 'text/plain', params: {} },
    multipart: false,
    encoding: '',
    disposition: { value: '', params: {} },
    body: [],
    children: [],
    boundary: null,
  };
}

function matchBoundary(raw: Uint8Array, line: LineRange, open: readonly Node[]): { index: number; terminator: boolean } | null {
  const len = line.end - line.start;
  for (let i = open.length - 1; i >= 0; i--) {
    const b = open[i].boundary!;
    if (len < b.length + 2) continue;
    let same = true;
    for (let j = 0; j < b.length; j++) {
      if (raw[line.start + 2 + j] !== b[j]) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    let stop = b.length + 2;
    const terminator = len >= b.length + 4 && raw[line.start + stop] === 0x2d && raw[line.start + stop + 1] === 0x2d;
    if (terminator) stop += 2;
    let trailing = true;
    for (let j = line.start + stop; j < line.end; j++) {
      if (raw[j] !== 0x20 && raw[j] !== 0x09) {
        trailing = false;
        break;
      }
    }
    if (trailing) return { index: i, terminator };
  }
  return null;
}

/** Reads a node's header block (when its blank line or its end arrives). False: not simple. */
function finishHeaders(raw: Uint8Array, node: Node, helpers: Helpers): boolean {
  const h = readHeaderBlock(raw, node.headerRanges);
  node.headers = h;
  if (h.contentType !== undefined) node.contentType = helpers.parseStructuredHeader(h.contentType);
  else if (node.parent?.multipart === 'digest') return false;
  const type = node.contentType.value;
  node.multipart = /^multipart\//i.test(type) ? type.slice(type.indexOf('/') + 1) : false;
  if (node.multipart === 'digest') return false;
  if (node.multipart && node.contentType.params.boundary) node.boundary = encoder.encode(node.contentType.params.boundary);
  node.disposition = helpers.parseStructuredHeader(h.contentDisposition ?? '');
  node.encoding = (helpers.stripComments(h.transferEncoding ?? '8bit').toLowerCase().match(/[\w-]+/) || [''])[0];
  return true;
}

function decodeBody(raw: Uint8Array, node: Node): Uint8Array {
  if (/base64/i.test(node.encoding)) return decodeBase64Lines(raw, node.body);
  if (/quoted-printable/i.test(node.encoding)) return decodeQuotedPrintable(raw, node.body);
  return decodePassThrough(raw, node.body);
}

type TextEntry = { plain?: string[]; html?: string[] };

/** postal-mime's collectNode + renderTextContent + buildMessage, for text-only trees. */
function collect(raw: Uint8Array, root: Node, helpers: Helpers): MimeFields | null {
  const entries = new Map<Node, TextEntry>();
  const types: ('plain' | 'html')[] = [];
  const attachments: MimeFields['attachments'] = [];
  const walk = (node: Node, alternative: Node | null): boolean => {
    if (node.headers === null && !finishHeaders(raw, node, helpers)) return false;
    if (!node.multipart) {
      const type = node.contentType.value;
      if (node.disposition.value === 'attachment' || (type !== 'text/plain' && type !== 'text/html')) {
        // Nested messages, delivery reports and calendar parts get special handling in
        // postal-mime (inline parsing, text normalisation): leave them to it.
        if (type.startsWith('message/') || type === 'text/calendar' || type === 'application/ics') return false;
        const filename = node.disposition.params.filename || node.contentType.params.name || null;
        attachments.push({ filename: filename ? decodeWords(filename) : null, mimeType: type, disposition: node.disposition.value || null, content: decodeBody(raw, node) });
        return true;
      }
      const kind = type === 'text/html' ? 'html' : 'plain';
      const text = helpers.textContent(decodeBody(raw, node), node.contentType);
      const key = alternative ?? node;
      const entry = entries.get(key) ?? {};
      entries.set(key, entry);
      (entry[kind] ??= []).push(text);
      if (!types.includes(kind)) types.push(kind);
    } else if (node.multipart === 'alternative') alternative = node;
    return node.children.every((c) => walk(c, alternative));
  };
  if (!walk(root, null)) return null;
  const output: { plain?: string[]; html?: string[] } = {};
  for (const entry of entries.values()) {
    for (const kind of types) {
      const own = entry[kind];
      if (own) (output[kind] ??= []).push(...own);
      // A text-only entry (a list footer after an alternative) is rendered into the HTML body
      // as postal-mime does; HTML → text needs postal-mime's converter, so that case defers.
      else if (kind === 'html') (output.html ??= []).push(...entry.plain!.map(textToHtml));
      else return null;
    }
  }
  const plain = output.plain?.join('\n');
  const html = output.html?.join('\n');
  return buildFields(root.headers!, plain, html, attachments);
}

// postal-mime's textToHtml (text-format.js, MIT), which its package exports do not expose.
function textToHtml(text: string): string {
  const escaped = text.trim().replace(/[<>"'?&]/g, (c) => `&#x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()};`);
  return `<div>${escaped.replace(/\n/g, '<br />')}</div>`;
}

function buildFields(h: MimeHeaders, plain: string | undefined, html: string | undefined, attachments: MimeFields['attachments']): MimeFields {
  const headers = h.list;
  const first = (key: string) => headers.find((e) => e.key === key);
  const all = (key: string) => {
    const out: ReturnType<typeof addressParser> = [];
    for (const e of headers) if (e.key === key && e.value) out.push(...addressParser(e.value));
    return out.length ? out : undefined;
  };
  const sender = first('sender');
  const senderList = sender?.value ? addressParser(sender.value) : [];
  const returnPath = first('return-path');
  const returnList = returnPath?.value ? addressParser(returnPath.value) : [];
  const subject = first('subject');
  const messageId = first('message-id');
  const dateHeader = first('date');
  let date: string | undefined;
  if (dateHeader) {
    const d = new Date(dateHeader.value);
    date = d.toString() === 'Invalid Date' ? dateHeader.value : d.toISOString();
  }
  return {
    headers,
    sender: senderList[0],
    returnPath: returnList[0]?.address || undefined,
    to: all('to'),
    cc: all('cc'),
    replyTo: all('reply-to'),
    subject: subject?.value ? decodeWords(subject.value) : undefined,
    messageId: messageId?.value ? decodeWords(messageId.value) : undefined,
    date,
    html: html || undefined,
    text: plain || undefined,
    attachments,
  };
}
