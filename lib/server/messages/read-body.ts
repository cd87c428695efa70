import 'server-only';
import { TooLargeError } from './ingest-errors';

/**
 * The request body as bytes, refusing (413) as soon as it passes `limit` — while reading, not
 * after, so a client cannot make the server buffer an arbitrarily large upload.
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new TooLargeError(limit, `content-length ${declared}`);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(limit, `body passed ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
