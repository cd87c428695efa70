import { describe, expect, it } from 'vitest';
import { parseMessage } from './index';
import { sniffType } from './attachments';
import { buildRaw, buildWithAttachments } from './test-support';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);
const ascii = (s: string) => new TextEncoder().encode(s);

async function attachmentsOf(files: { name: string; type: string; bytes: Uint8Array }[]) {
  const r = await parseMessage(buildRaw(buildWithAttachments(files)));
  if (!r.ok) throw new Error(r.error.message);
  return r.message.attachments;
}

describe('sniffType', () => {
  it('recognises magic bytes', () => {
    expect(sniffType(bytes(0x4d, 0x5a))).toBe('pe');
    expect(sniffType(bytes(0x7f, 0x45, 0x4c, 0x46))).toBe('elf');
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('zip');
    expect(sniffType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole');
    expect(sniffType(ascii('%PDF-1.7'))).toBe('pdf');
    expect(sniffType(bytes(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07))).toBe('rar');
    expect(sniffType(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c))).toBe('7z');
    expect(sniffType(bytes(0x1f, 0x8b))).toBe('gzip');
    expect(sniffType(ascii('  <!DOCTYPE html><html>'))).toBe('html');
    expect(sniffType(ascii('hello'))).toBe('');
  });
});

describe('attachment flags', () => {
  it('flags executables, double extensions and type disguise', async () => {
    const [a] = await attachmentsOf([{ name: 'invoice.pdf.exe', type: 'application/octet-stream', bytes: bytes(0x4d, 0x5a) }]);
    expect(a).toMatchObject({ filename: 'invoice.pdf.exe', extension: 'exe', sniffedType: 'pe', executable: true, doubleExtension: true, risky: true });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.size).toBe(6);
  });

  it('flags a PE disguised as a PDF as executable', async () => {
    const [a] = await attachmentsOf([{ name: 'scan.pdf', type: 'application/pdf', bytes: bytes(0x4d, 0x5a) }]);
    expect(a).toMatchObject({ extension: 'pdf', executable: true, risky: true, doubleExtension: false });
  });

  it('flags macro-capable Office files', async () => {
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    const [doc, docm, docx] = await attachmentsOf([
      { name: 'a.doc', type: 'application/msword', bytes: ole },
      { name: 'b.docm', type: 'application/octet-stream', bytes: bytes(0x50, 0x4b, 0x03, 0x04) },
      { name: 'c.docx', type: 'application/octet-stream', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...ascii('word/vbaProject.bin')]) },
    ]);
    expect(doc.macroCapable).toBe(true);
    expect(docm.macroCapable).toBe(true);
    expect(docx.macroCapable).toBe(true);
    expect(docx.archive).toBe(false);
  });

  it('flags html attachments and archives, not ordinary files', async () => {
    const [html, zip, pdf] = await attachmentsOf([
      { name: 'Remittance.htm', type: 'text/html', bytes: ascii('<html><form></form></html>') },
      { name: 'files.zip', type: 'application/zip', bytes: bytes(0x50, 0x4b, 0x03, 0x04) },
      { name: 'report.pdf', type: 'application/pdf', bytes: ascii('%PDF-1.4 ...') },
    ]);
    expect(html).toMatchObject({ html: true, risky: true, sniffedType: 'html' });
    expect(zip).toMatchObject({ archive: true, risky: false });
    expect(pdf).toMatchObject({ risky: false, archive: false, html: false, executable: false, macroCapable: false });
  });
});
