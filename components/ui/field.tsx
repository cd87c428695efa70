import type { ReactNode } from 'react';

type Props = {
  /** The id of the control inside; the label, hint and error are tied to it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
};

/** Ids a control should name in aria-describedby, so its hint and error are read with it. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  // The hint is hidden while an error shows (see Field), so only one of them is named.
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

/** A labelled form control with an optional hint and a field-level error under it. */
export function Field({ id, label, hint, error, children, className = '' }: Props) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  );
}

/** A form- or page-level notice: `error` for failures (role=alert), `info` for outcomes worth a glance. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'error' | 'warning' | 'success'; children: ReactNode }) {
  const tones = {
    info: 'border-accent-100 bg-accent-50 text-accent-700',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-800',
    warning: 'border-amber-200 bg-amber-50 text-amber-900',
    error: 'border-red-200 bg-red-50 text-red-800',
  } as const;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 ${tones[tone]}`}>
      {children}
    </div>
  );
}
