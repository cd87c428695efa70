// A small mutable builder around SignalSet, used while extracting and then handed out as data.
import type { Evidence, ParsedMessage, SignalSet, SignalValue } from '../types';
import { createDefaultValues } from './defaults';

/** Evidence kept per signal: enough to explain a verdict, bounded for hostile messages. */
export const MAX_EVIDENCE = 5;

export type SignalBuilder = SignalSet;

/** A SignalSet with every catalog signal at its default. */
export function createSignalBuilder(): SignalBuilder {
  return { values: createDefaultValues(), evidence: {} };
}

/** Sets a signal's value and appends evidence (capped at MAX_EVIDENCE). */
export function setSignal(set: SignalBuilder, name: string, value: SignalValue, evidence: Evidence[] = []): void {
  set.values[name] = value;
  if (evidence.length === 0) return;
  const list = (set.evidence[name] ??= []);
  for (const e of evidence) {
    if (list.length >= MAX_EVIDENCE) break;
    list.push(e);
  }
}

/**
 * Header evidence: offsets index the raw `Header.value` when the text occurs there verbatim;
 * otherwise (an RFC 2047-encoded value) start = end = 0 and only `text` is meaningful.
 */
export function headerEvidence(message: ParsedMessage, key: string, text: string): Evidence {
  const header = message.headers.find((h) => h.key === key);
  const name = header?.name ?? key;
  const at = header && text ? header.value.indexOf(text) : -1;
  return at >= 0
    ? { kind: 'header', header: name, start: at, end: at + text.length, text }
    : { kind: 'header', header: name, start: 0, end: 0, text };
}
