import 'server-only';

// mbox (mboxrd/mboxo): messages separated by lines starting "From ". Bytes are handled as latin1
// so every octet survives the round trip unchanged.

export function isMbox(data: Uint8Array): boolean {
  return data.byteLength > 5 && Buffer.from(data.buffer, data.byteOffset, 5).toString('latin1') === 'From ';
}

/** Splits an mbox into raw messages: separator lines dropped, ">From " unquoted. */
export function splitMbox(data: Uint8Array): Uint8Array[] {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return text
    .split(/\r?\n(?=From [^\n]*\n)/)
    .map((chunk) => chunk.replace(/^From [^\n]*\n/, '').replace(/^>(>*From )/gm, '$1'))
    .filter((chunk) => chunk.trim().length > 0)
    .map((chunk) => Buffer.from(chunk, 'latin1'));
}
