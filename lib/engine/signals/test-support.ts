// Test helpers for signal tests: parse a built message and extract signals with a demo context.
import { parseMessage } from '../parse';
import { buildRaw, type RawSpec } from '../parse/test-support';
import type { ParsedMessage, ScoringContext, SignalSet } from '../types';
import { extractSignals } from './index';

/** A tenant like the demo ones: contoso.example with two VIPs. */
export const TEST_CONTEXT: ScoringContext = {
  tenant: {
    slug: 'contoso',
    domains: ['contoso.example'],
    vips: [
      { name: 'Maria Garcia', addresses: ['m.garcia@contoso.example'] },
      { name: 'Sam Otieno', addresses: ['sam.otieno@contoso.example'] },
    ],
  },
  recipient: 'bob@contoso.example',
  sender: null,
  recipientStats: null,
};

/** Parses a built message (throws if it does not parse: a broken fixture is a test bug). */
export async function parseSpec(spec: RawSpec): Promise<ParsedMessage> {
  const r = await parseMessage(buildRaw(spec));
  if (!r.ok) throw new Error(`fixture did not parse: ${r.error.code}`);
  return r.message;
}

/** Parses a built message and extracts its signals. */
export async function signalsOf(spec: RawSpec, context: Partial<ScoringContext> = {}): Promise<SignalSet> {
  return extractSignals(await parseSpec(spec), { ...TEST_CONTEXT, ...context });
}
