import { describe, expect, it } from 'vitest';
import { lengthFactor, loadContentModel } from '../content/model';
import { encodeContentModel } from '../content/stored';
import { contentDocument } from '../content/tokens';
import { createSignalBuilder } from './signal-set';
import { addContentSignals } from './content';
import { parseSpec, signalsOf } from './test-support';

describe('message.content_score', () => {
  it('points evidence at the words that weighed most, in the body and the subject', async () => {
    const message = await parseSpec({ headers: { Subject: 'Cheap offer' }, body: 'Our cheap pills ship today. See you at the meeting.' });
    const model = loadContentModel(encodeContentModel({ id: 't', heads: ['spam'], bias: [-1], weights: { cheap: [2], pills: [3], meeting: [-1], 's:offer': [1] } }));
    const set = createSignalBuilder();
    addContentSignals(set, message, model);
    const { length } = contentDocument(message);
    expect(set.values['message.content_score']).toBeCloseTo(-1 + lengthFactor(length) * (2 + 3 - 1 + 1));
    const evidence = set.evidence['message.content_score']!;
    expect(evidence.map((e) => e.text)).toEqual(['pills', 'cheap', 'offer']);
    expect(evidence[0]).toMatchObject({ kind: 'body', part: 'text' });
    expect(evidence[2]).toMatchObject({ kind: 'header', header: 'Subject' });
    const [first] = evidence;
    if (first.kind === 'body') expect(message.text.slice(first.start, first.end)).toBe('pills');
  });

  it('with the shipped model, reads a sales pitch as worse than a technical reply', async () => {
    const pitch = await signalsOf({
      headers: { Subject: 'Make money fast - guaranteed!!!' },
      body: 'Dear friend, this is not spam. You can earn $5000 a week from home, guaranteed. Click here to order now. To be removed from our mailing list reply with REMOVE.',
    });
    const reply = await signalsOf({
      headers: { Subject: 'Re: build fails on the ARM target' },
      body: 'Thanks for the patch. I rebuilt the driver with the new toolchain and the tests pass now; the timing issue was in the FPGA image. I will push the fix to the repository tomorrow.',
    });
    expect(pitch.values['message.content_score']).toBeGreaterThan(0);
    expect(reply.values['message.content_score']).toBeLessThan(0);
  });
});
