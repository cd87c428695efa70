import { formatDateTime } from '@/components/ui/format';
import type { TokenSummary } from '@/lib/server/tokens/list';
import type { CreateTokenState } from '@/app/(console)/admin/actions';
import { CreateTokenForm } from './create-token-form';

type Props = {
  tokens: (TokenSummary & { tenant: string })[];
  tenants: { slug: string; name: string }[];
  create: (prev: CreateTokenState, form: FormData) => Promise<CreateTokenState>;
  revoke: (form: FormData) => Promise<void>;
};

/** Ingest tokens for POST /api/v1/tenants/{slug}/messages: issue, see use, revoke. */
export function TokensTable({ tokens, tenants, create, revoke }: Props) {
  return (
    <section aria-labelledby="tokens-heading" className="panel overflow-hidden">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5">
        <h2 id="tokens-heading" className="font-semibold text-zinc-900">
          Ingest tokens <span className="font-normal text-zinc-400">{tokens.filter((t) => !t.revokedAt).length} active</span>
        </h2>
      </header>
      <CreateTokenForm tenants={tenants} action={create} />
      {tokens.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">No ingest tokens yet. Create one above, or with `npm run token`.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table" aria-label="Ingest tokens">
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">By</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="font-mono text-sm text-zinc-800">{t.tenant}</td>
                  <td>{t.name}</td>
                  <td className="whitespace-nowrap text-zinc-600">{formatDateTime(t.createdAt)}</td>
                  <td className="text-zinc-600">{t.createdBy ?? 'command line'}</td>
                  <td className="whitespace-nowrap text-zinc-600">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="text-zinc-500">revoked {formatDateTime(t.revokedAt)}</span>
                    ) : (
                      <form action={revoke}>
                        <input type="hidden" name="tenant" value={t.tenant} />
                        <input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="btn" aria-label={`Revoke token ${t.name} of ${t.tenant}`}>
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
