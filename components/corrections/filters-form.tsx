import Form from 'next/form';
import Link from 'next/link';
import { SCOPE_KINDS } from '@/lib/server/corrections/input';
import { ALL_TENANT_ONLY, EVERY_TENANT, first, type RawParams } from './list-params';
import { scopeKindLabel } from './status-badge';

type Props = {
  action: string;
  params: RawParams;
  routeTenant: string;
  /** Admins filter by tenant; others always see the tenant in the path. */
  tenants: { slug: string; name: string }[] | null;
  /** Hidden params the form carries along (view, status). */
  keep: Record<string, string>;
  /** Hygiene views only filter by tenant. */
  tenantOnly?: boolean;
};

const label = 'mb-0.5 block text-xs font-medium text-zinc-500';

/**
 * A GET form (next/form: client-side navigation once hydrated, a plain GET before): the filters
 * go into the URL and Enter applies them.
 */
export function FiltersForm({ action, params, routeTenant, tenants, keep, tenantOnly = false }: Props) {
  const v = (key: string) => first(params, key);
  return (
    // Keyed by the query so Clear and back/forward reset the fields to what the URL says.
    <Form key={JSON.stringify(params)} action={action} role="search" aria-label="Filter corrections" className="panel mb-3 flex flex-wrap items-end gap-x-3 gap-y-2 px-3 py-2.5">
      {Object.entries(keep).map(([k, value]) => (value ? <input key={k} type="hidden" name={k} value={value} /> : null))}
      {!tenantOnly ? (
        <>
          <div className="w-52">
            <label htmlFor="f-q" className={label}>
              Search
            </label>
            <input id="f-q" name="q" type="search" defaultValue={v('q')} placeholder="#12, address, domain, reason, ticket" className="input h-7" />
          </div>
          <div>
            <label htmlFor="f-scope" className={label}>
              Scope
            </label>
            <select id="f-scope" name="scope" defaultValue={v('scope')} className="input h-7 w-36">
              <option value="">Any scope</option>
              {SCOPE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {scopeKindLabel[k]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {tenants ? (
        <div>
          <label htmlFor="f-tenant" className={label}>
            Tenant
          </label>
          <select id="f-tenant" name="tenant" defaultValue={v('tenant') || routeTenant} className="input h-7 w-52">
            {tenants.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
            <option value={EVERY_TENANT}>Every tenant</option>
            {!tenantOnly ? <option value={ALL_TENANT_ONLY}>All-tenant corrections only</option> : null}
          </select>
        </div>
      ) : null}
      {!tenantOnly ? (
        <>
          <div className="w-36">
            <label htmlFor="f-author" className={label}>
              Author
            </label>
            <input id="f-author" name="author" defaultValue={v('author')} placeholder="email or name" className="input h-7" />
          </div>
          <div className="w-36">
            <label htmlFor="f-approver" className={label}>
              Approver
            </label>
            <input id="f-approver" name="approver" defaultValue={v('approver')} placeholder="email or name" className="input h-7" />
          </div>
          <DateRange legend="Created" from="createdFrom" to="createdTo" params={params} />
          <DateRange legend="Expires" from="expiresFrom" to="expiresTo" params={params} />
        </>
      ) : null}
      <div className="flex items-center gap-1.5">
        <button type="submit" className="btn">
          Apply
        </button>
        <Link href={keep.view ? `${action}?view=${keep.view}` : action} className="btn btn-ghost">
          Clear
        </Link>
      </div>
    </Form>
  );
}

function DateRange({ legend, from, to, params }: { legend: string; from: string; to: string; params: RawParams }) {
  return (
    <fieldset>
      <legend className={label}>{legend}</legend>
      <div className="flex items-center gap-1">
        <label htmlFor={`f-${from}`} className="sr-only">
          {legend} from
        </label>
        <input id={`f-${from}`} name={from} type="date" defaultValue={first(params, from)} className="input h-7 w-[128px]" />
        <span className="text-zinc-400" aria-hidden="true">
          –
        </span>
        <label htmlFor={`f-${to}`} className="sr-only">
          {legend} to
        </label>
        <input id={`f-${to}`} name={to} type="date" defaultValue={first(params, to)} className="input h-7 w-[128px]" />
      </div>
    </fieldset>
  );
}
