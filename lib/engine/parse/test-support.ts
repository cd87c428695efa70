// Test helpers: build raw RFC 5322 messages from parts. Used only by *.test.ts files.

export type RawSpec = {
  headers?: Record<string, string> | [string, string][];
  body?: string;
};

/** Builds raw message bytes with CRLF line endings; sensible From/To/Subject defaults. */
export function buildRaw(spec: RawSpec = {}): Uint8Array {
  const defaults: [string, string][] = [
    ['From', 'Alice Example <alice@example.com>'],
    ['To', 'bob@contoso.example'],
    ['Subject', 'Hello'],
    ['Date', 'Mon, 2 Mar 2026 10:00:00 +0000'],
    ['Message-ID', '<t1@example.com>'],
  ];
  const given: [string, string][] = Array.isArray(spec.headers) ? spec.headers : Object.entries(spec.headers ?? {});
  const names = new Set(given.map(([k]) => k.toLowerCase()));
  const all = [...defaults.filter(([k]) => !names.has(k.toLowerCase())), ...given];
  const head = all.map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return new TextEncoder().encode(`${head}\r\n\r\n${(spec.body ?? 'Hi.').replace(/\r?\n/g, '\r\n')}`);
}

/** A multipart/alternative body with a text and an HTML part. */
export function buildAlternative(text: string, html: string): RawSpec {
  return {
    headers: { 'MIME-Version': '1.0', 'Content-Type': 'multipart/alternative; boundary="b1"' },
    body: `--b1\nContent-Type: text/plain; charset=utf-8\n\n${text}\n--b1\nContent-Type: text/html; charset=utf-8\n\n${html}\n--b1--\n`,
  };
}

/** An HTML-only body. */
export function buildHtml(html: string, headers: Record<string, string> = {}): RawSpec {
  return { headers: { 'MIME-Version': '1.0', 'Content-Type': 'text/html; charset=utf-8', ...headers }, body: html };
}

/** A multipart/mixed message with one text part and the given base64 attachments. */
export function buildWithAttachments(files: { name: string; type: string; bytes: Uint8Array }[]): RawSpec {
  const parts = files.map(
    (f) =>
      `--mx\nContent-Type: ${f.type}; name="${f.name}"\nContent-Disposition: attachment; filename="${f.name}"\nContent-Transfer-Encoding: base64\n\n${Buffer.from(f.bytes).toString('base64')}\n`,
  );
  return {
    headers: { 'MIME-Version': '1.0', 'Content-Type': 'multipart/mixed; boundary="mx"' },
    body: `--mx\nContent-Type: text/plain\n\nSee attached.\n${parts.join('')}--mx--\n`,
  };
}
