// Attachment signals: the parse stage already computed the flags; this lifts them to the message.
import type { Attachment, Evidence, ParsedMessage } from '../types';
import { setSignal, type SignalBuilder } from './signal-set';

const FLAGS: [keyof Attachment, string][] = [
  ['risky', 'message.risky_attachment'],
  ['doubleExtension', 'message.double_extension'],
  ['macroCapable', 'message.macro_attachment'],
  ['html', 'message.html_attachment'],
  ['archive', 'message.archive_attachment'],
  ['executable', 'message.executable_attachment'],
];

// Which sniffed types a file extension may legitimately have; anything else is a disguise.
const EXPECTED: Record<string, string[]> = {
  pdf: ['pdf'], doc: ['ole'], xls: ['ole'], ppt: ['ole'], docx: ['zip'], xlsx: ['zip'], pptx: ['zip'],
  zip: ['zip'], rar: ['rar'], '7z': ['7z'], gz: ['gzip'], png: ['png'], jpg: ['jpeg'], jpeg: ['jpeg'],
  gif: ['gif'], txt: [''], csv: [''],
};

const attEv = (a: Attachment): Evidence => ({ kind: 'attachment', index: a.index, text: a.filename || a.declaredType });

/** Adds the attachment count, the risk flags and sniffed-type mismatches. */
export function addAttachmentSignals(set: SignalBuilder, message: ParsedMessage): void {
  const atts = message.attachments;
  setSignal(set, 'message.attachment_count', atts.length);
  for (const [flag, name] of FLAGS) {
    const hits = atts.filter((a) => a[flag] === true);
    if (hits.length > 0) setSignal(set, name, true, hits.map(attEv));
  }
  const disguised = atts.filter((a) => {
    const expected = EXPECTED[a.extension];
    if (!expected || !a.sniffedType) return false;
    return !expected.includes(a.sniffedType);
  });
  if (disguised.length > 0) {
    setSignal(set, 'message.attachment_type_mismatch', true, disguised.map((a) => ({ ...attEv(a), text: `${a.filename} is ${a.sniffedType}` })));
  }
}
