// postal-mime's body decoders collect each part as chunks and join them with
// `new Blob(chunks).arrayBuffer()`. In Node that Blob round-trip costs more than the rest of
// the parse (one Blob source per line for 7bit/8bit parts). We replace only that final join
// with a synchronous copy into one ArrayBuffer: the same bytes, so the same ParsedMessage
// (mime-decoders.test.ts compares both paths over the corpus). If a postal-mime update changes
// the decoders' shape, the guard below leaves them untouched and the original path runs.
import PostalMime from 'postal-mime';

type Chunk = string | ArrayBuffer | ArrayBufferView;
type Decoder = {
  chunks?: unknown;
  finalize?: unknown;
  flushRemainder?: () => void;
  flushBuffer?: () => void;
};
type MimeNodeProto = { setupContentDecoder?: (encoding: string) => void; contentDecoder?: Decoder | null };

const encoder = new TextEncoder();
let enabled = true;

/** Joins decoder chunks into one ArrayBuffer, byte-for-byte what `new Blob(chunks)` holds. */
export function joinChunks(chunks: readonly Chunk[]): ArrayBuffer {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const c of chunks) {
    let bytes: Uint8Array;
    if (typeof c === 'string') bytes = c === '\n' ? NEWLINE : encoder.encode(c);
    else if (c instanceof ArrayBuffer) bytes = new Uint8Array(c);
    else bytes = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
    parts.push(bytes);
    length += bytes.byteLength;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}
const NEWLINE = new Uint8Array([0x0a]);

function isChunkList(value: unknown): value is Chunk[] {
  return Array.isArray(value);
}

/** Turns the fast join on or off (tests compare both paths); on by default. */
export function setFastMimeDecoders(on: boolean): void {
  enabled = on;
}

function install(): void {
  const proto = Object.getPrototypeOf((new PostalMime() as unknown as { root: object }).root) as MimeNodeProto | null;
  const original = proto?.setupContentDecoder;
  if (!proto || typeof original !== 'function') return;
  proto.setupContentDecoder = function setupContentDecoder(this: MimeNodeProto, encoding: string) {
    original.call(this, encoding);
    const decoder = this.contentDecoder;
    if (!enabled || !decoder || !isChunkList(decoder.chunks) || typeof decoder.finalize !== 'function') return;
    decoder.finalize = () => {
      // Base64 holds an unpadded tail, quoted-printable a partly filled buffer: flush as the
      // original finalize does before joining.
      if (typeof decoder.flushRemainder === 'function') decoder.flushRemainder();
      else if (typeof decoder.flushBuffer === 'function') decoder.flushBuffer();
      return joinChunks(decoder.chunks as Chunk[]);
    };
  };
}

install();
