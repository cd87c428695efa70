'use client';

import { describedBy, FieldError } from '@/components/ui/field';
import type { ExpiryChoice, FieldErrors, FormValues } from './form-values';

type Props = {
  values: FormValues;
  errors: FieldErrors;
  isAdmin: boolean;
  onChange: (patch: Partial<FormValues>) => void;
};

const expiryLabels: { value: ExpiryChoice; label: string; adminOnly?: boolean }[] = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'date', label: 'Until a date' },
  { value: 'never', label: 'Never expires', adminOnly: true },
];

/** Tomorrow in UTC as yyyy-mm-dd: the earliest date the picker offers. */
function tomorrowUtc(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** How long the correction lasts. "Never" is for admins only; the server refuses it from anyone else. */
export function ExpiryFieldset({ values, errors, isAdmin, onChange }: Props) {
  const choices = expiryLabels.filter((c) => isAdmin || !c.adminOnly);
  return (
    <fieldset>
      <legend className="mb-1.5 text-[13px] font-medium text-zinc-800">Expires</legend>
      <div className="flex flex-wrap items-center gap-1" role="radiogroup" aria-describedby={describedBy('expiry', { error: errors.expiry })}>
        {choices.map((c) => (
          <label
            key={c.value}
            className={`flex h-7 cursor-pointer items-center gap-1.5 rounded-md border px-2.5 ${
              values.expiry === c.value ? 'border-accent-500 bg-accent-50/60 text-zinc-900' : 'border-zinc-200 text-zinc-700 hover:border-zinc-300'
            }`}
          >
            <input
              type="radio"
              name="expiry"
              value={c.value}
              checked={values.expiry === c.value}
              onChange={() => onChange({ expiry: c.value })}
              className="accent-accent-600"
            />
            {c.label}
          </label>
        ))}
        {values.expiry === 'date' ? (
          <span className="ml-1 flex items-center gap-1.5">
            <label htmlFor="expiryDate" className="sr-only">
              Expiry date
            </label>
            <input
              id="expiryDate"
              type="date"
              min={tomorrowUtc()}
              value={values.expiryDate}
              onChange={(e) => onChange({ expiryDate: e.target.value })}
              aria-invalid={errors.expiryDate ? true : undefined}
              aria-describedby={describedBy('expiryDate', { error: errors.expiryDate })}
              className="input h-7 w-40"
            />
            <span className="text-sm text-zinc-500">end of day, UTC</span>
          </span>
        ) : null}
      </div>
      <FieldError id="expiry" error={errors.expiry} />
      <FieldError id="expiryDate" error={errors.expiryDate} />
    </fieldset>
  );
}

/** The authentication guard: on by default; switching it off asks for a reason. */
export function GuardFieldset({ values, errors, onChange }: Omit<Props, 'isAdmin'>) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-[13px] font-medium text-zinc-800">Authentication guard</legend>
      <label className="flex cursor-pointer items-start gap-2.5">
        <input
          id="requireAuth"
          type="checkbox"
          checked={values.requireAuth}
          onChange={(e) => onChange({ requireAuth: e.target.checked })}
          className="mt-[3px] accent-accent-600"
        />
        <span>
          <span className="text-zinc-900">Only when SPF, DKIM and DMARC pass and align with the From domain</span>
          <span className="block text-sm text-zinc-500">Keeps a forged From address from inheriting the allowance.</span>
        </span>
      </label>
      {!values.requireAuth ? (
        <div className="mt-2 rounded-md border border-amber-200 bg-amber-50/60 p-2.5">
          <label htmlFor="authGuardReason" className="mb-1 block text-[13px] font-medium text-amber-900">
            Why must it apply to unauthenticated mail?
          </label>
          <textarea
            id="authGuardReason"
            rows={2}
            value={values.authGuardReason}
            onChange={(e) => onChange({ authGuardReason: e.target.value })}
            aria-invalid={errors.authGuardReason ? true : undefined}
            aria-describedby={describedBy('authGuardReason', { error: errors.authGuardReason })}
            className="input h-auto py-1.5"
            placeholder="e.g. the vendor's mail gateway breaks DKIM; ticket open with them"
          />
          <FieldError id="authGuardReason" error={errors.authGuardReason} />
        </div>
      ) : null}
    </fieldset>
  );
}
