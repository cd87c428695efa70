import type { SignalDef, SignalSet, SignalValue } from '../types';
import type { PackedSignals, SignalLayout } from './types';

/** Assigns every catalog signal a slot: bool/int/double in a Float64Array, strings in an array. */
export function createLayout(catalog: readonly SignalDef[]): SignalLayout {
  const slots: SignalLayout['slots'] = new Map();
  const numNames: string[] = [];
  const strNames: string[] = [];
  for (const def of catalog) {
    if (slots.has(def.name)) throw new Error(`duplicate signal in catalog: ${def.name}`);
    const names = def.type === 'string' ? strNames : numNames;
    slots.set(def.name, { type: def.type, index: names.length });
    names.push(def.name);
  }
  const key = catalog.map((d) => `${d.name}:${d.type}`).join(',');
  return { key: hashString(key), slots, numNames, strNames };
}

/** Packs a SignalSet into layout order; a missing or mistyped value packs as 0 / '' (never throws). */
export function packSignals(layout: SignalLayout, set: SignalSet): PackedSignals {
  const num = new Float64Array(layout.numNames.length);
  const str: string[] = new Array<string>(layout.strNames.length);
  for (let i = 0; i < layout.numNames.length; i++) num[i] = toNumber(set.values[layout.numNames[i]]);
  for (let i = 0; i < layout.strNames.length; i++) {
    const v = set.values[layout.strNames[i]];
    str[i] = typeof v === 'string' ? v : '';
  }
  return { num, str };
}

/** Reads one signal's value back out of a packed vector (bools come back as booleans). */
export function readPacked(layout: SignalLayout, packed: PackedSignals, name: string): SignalValue | undefined {
  const slot = layout.slots.get(name);
  if (!slot) return undefined;
  if (slot.type === 'string') return packed.str[slot.index];
  const v = packed.num[slot.index];
  return slot.type === 'bool' ? v !== 0 : v;
}

function toNumber(v: SignalValue | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

// FNV-1a, 32 bit: a short, stable tag for a catalog's shape (not a security hash).
function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
