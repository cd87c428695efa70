import { describe, expect, it } from 'vitest';
import { buildWithAttachments } from '../parse/test-support';
import { signalsOf } from './test-support';

const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0]);
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('attachment signals', () => {
  it('lifts the attachment flags with evidence', async () => {
    const s = await signalsOf(
      buildWithAttachments([
        { name: 'invoice.pdf.exe', type: 'application/octet-stream', bytes: mz },
        { name: 'budget.xls', type: 'application/vnd.ms-excel', bytes: ole },
        { name: 'pay.html', type: 'text/html', bytes: new TextEncoder().encode('<html></html>') },
        { name: 'a.zip', type: 'application/zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
      ]),
    );
    expect(s.values).toMatchObject({
      'message.attachment_count': 4,
      'message.risky_attachment': true,
      'message.double_extension': true,
      'message.executable_attachment': true,
      'message.macro_attachment': true,
      'message.html_attachment': true,
      'message.archive_attachment': true,
    });
    expect(s.evidence['message.double_extension'][0]).toEqual({ kind: 'attachment', index: 0, text: 'invoice.pdf.exe' });
  });

  it('flags a file whose bytes contradict its name', async () => {
    const s = await signalsOf(buildWithAttachments([{ name: 'scan.pdf', type: 'application/pdf', bytes: mz }]));
    expect(s.values['message.attachment_type_mismatch']).toBe(true);
  });

  it('leaves ordinary attachments alone', async () => {
    const s = await signalsOf(buildWithAttachments([{ name: 'report.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4') }]));
    expect(s.values['message.attachment_count']).toBe(1);
    for (const n of ['risky_attachment', 'double_extension', 'macro_attachment', 'html_attachment', 'archive_attachment', 'executable_attachment', 'attachment_type_mismatch']) {
      expect(s.values[`message.${n}`], n).toBe(false);
    }
  });
});
