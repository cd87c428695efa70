'use client';

import { describedBy, Field } from '@/components/ui/field';
import type { Thresholds } from '@/lib/engine/types';

type Props = { thresholds: Thresholds; published: Thresholds; errors: Partial<Record<keyof Thresholds, string>>; onChange: (t: Thresholds) => void };

const FIELDS: { key: keyof Thresholds; label: string; hint: string }[] = [
  { key: 'attack', label: 'Attack', hint: 'At or above: quarantined (when attack rules lean it that way).' },
  { key: 'spam', label: 'Spam', hint: 'At or above: spam folder.' },
  { key: 'graymail', label: 'Graymail', hint: 'At or above: delivered with a banner.' },
];

/** The score cut-offs that turn a score into a verdict, for every message at once. */
export function ThresholdsEditor({ thresholds, published, errors, onChange }: Props) {
  return (
    <section aria-labelledby="thresholds-heading" className="panel space-y-3 p-4">
      <header>
        <h2 id="thresholds-heading" className="font-semibold text-zinc-900">Verdict thresholds</h2>
        <p className="text-xs text-zinc-500">Score cut-offs in points. A change here moves every message near a boundary; backtest before publishing.</p>
      </header>
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map(({ key, label, hint }) => (
          <Field key={key} id={`threshold-${key}`} label={label} hint={thresholds[key] !== published[key] ? `Published: ${published[key]}. ${hint}` : hint} error={errors[key]}>
            <input
              id={`threshold-${key}`}
              type="number"
              step="0.01"
              value={Number.isFinite(thresholds[key]) ? thresholds[key] : ''}
              onChange={(e) => onChange({ ...thresholds, [key]: e.target.valueAsNumber })}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy(`threshold-${key}`, { hint: true, error: errors[key] })}
              className="input font-mono"
            />
          </Field>
        ))}
      </div>
    </section>
  );
}
