// The default value of each catalog signal, so every SignalSet carries the full catalog.
import type { SignalType, SignalValue } from '../types';
import { SIGNALS } from './catalog';

const ZERO: Record<SignalType, SignalValue> = { bool: false, int: 0, double: 0, string: '' };

/** A fresh values record with every catalog signal at its type's zero value. */
export function createDefaultValues(): Record<string, SignalValue> {
  const values: Record<string, SignalValue> = {};
  for (const s of SIGNALS) values[s.name] = ZERO[s.type];
  return values;
}
