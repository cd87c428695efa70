'use client';

import { useActionState } from 'react';
import type { CreateTokenState } from '@/app/(console)/admin/actions';

type Props = { tenants: { slug: string; name: string }[]; action: (prev: CreateTokenState, form: FormData) => Promise<CreateTokenState> };

/** Issues an ingest token; the secret is shown here once and never again (only its hash is stored). */
export function CreateTokenForm({ tenants, action }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <div className="border-b border-zinc-200 px-4 py-3">
      <form action={submit} className="flex flex-wrap items-end gap-2" aria-label="New ingest token">
        <label className="text-xs text-zinc-600">
          Tenant
          <select name="tenant" className="input mt-0.5 block" defaultValue={tenants[0]?.slug}>
            {tenants.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-zinc-600">
          Name
          <input name="name" required maxLength={100} placeholder="mx-gateway-eu" className="input mt-0.5 block" aria-invalid={state?.ok === false && !!state.fields?.name} />
        </label>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {state?.ok === false ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.fields?.name ?? state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="mt-2 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Token <strong>{state.name}</strong> for {state.tenant}. Copy it now: it is not shown again.
          <input readOnly value={state.token} aria-label="New token" className="input mt-1 block w-full font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </div>
  );
}
