import type { Diagnostic, ModelHead } from '../types';
import type { CompiledHead, SignalLayout } from '../rules/types';
import { log1pCount } from './features';

/** Binds a head's features to packed slots and generates its logit function; unknown signals are diagnostics. */
export function compileHead(head: ModelHead, layout: SignalLayout, name: string): { head: CompiledHead } | { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const features: CompiledHead['features'] = [];
  for (const f of head.features) {
    const slot = layout.slots.get(f.signal);
    if (!slot || slot.type === 'string') {
      diagnostics.push({ ruleId: `$model.${name}`, message: `model feature ${f.signal} is not a numeric catalog signal`, line: 1, column: 1 });
      continue;
    }
    if (!Number.isFinite(f.weight)) throw new Error(`model weight for ${f.signal} is not finite`);
    features.push({ signal: f.signal, slot: slot.index, transform: f.transform, weight: f.weight });
  }
  if (diagnostics.length > 0) return { diagnostics };
  if (!Number.isFinite(head.bias)) throw new Error('model bias is not finite');
  // Generated straight-line code: one multiply-add per non-zero weight, no loops or lookups by name.
  const terms = features
    .filter((f) => f.weight !== 0)
    .map((f) => {
      const w = String(f.weight);
      if (f.transform === 'bool') return `(n[${f.slot}] !== 0 ? ${w} : 0)`;
      if (f.transform === 'log1p') return `${w} * L(n[${f.slot}])`;
      return `${w} * F(n[${f.slot}])`;
    });
  const body = `return ${[String(head.bias), ...terms].join(' + ')};`;
  const make = new Function('L', 'F', `return function logit(n) { ${body} };`) as (
    l: (v: number) => number,
    f: (v: number) => number,
  ) => (n: Float64Array) => number;
  return { head: { bias: head.bias, features, logit: make(log1pCount, finiteOrZero) } };
}

function finiteOrZero(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
