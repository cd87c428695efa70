import Link from 'next/link';
import { describedBy } from '@/components/ui/field';
import { auditEntities } from '@/lib/server/audit/list-input';

type Props = {
  values: Record<string, string | undefined>;
  /** Filter name → message, from parsing the URL. */
  issues: Record<string, string>;
  tenants: string[];
};

// A plain GET form: the filters live in the URL (linkable, back button works, no JS needed), and
// applying them drops the page cursor.
export function AuditFilters({ values, issues, tenants }: Props) {
  const control = (name: string) => ({
    id: `audit-${name}`,
    name,
    defaultValue: values[name] ?? '',
    'aria-invalid': issues[name] ? true : undefined,
    'aria-describedby': describedBy(`audit-${name}`, { error: issues[name] }),
  });
  const label = (name: string, text: string) => (
    <label htmlFor={`audit-${name}`} className="mb-1 block text-sm font-medium text-zinc-700">
      {text}
    </label>
  );
  const error = (name: string) =>
    issues[name] ? (
      <p id={`audit-${name}-error`} className="mt-1 text-sm text-red-700">
        {issues[name]}
      </p>
    ) : null;
  return (
    <form method="get" action="/admin/audit" className="panel flex flex-wrap items-start gap-3 px-4 py-3" aria-label="Filter audit rows">
      <div className="w-36">
        {label('entity', 'Entity')}
        <select {...control('entity')} className="input">
          <option value="">Any</option>
          {auditEntities.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
        {error('entity')}
      </div>
      <div className="w-36">
        {label('action', 'Action')}
        <input {...control('action')} className="input" placeholder="create, approve…" autoComplete="off" />
        {error('action')}
      </div>
      <div className="w-52">
        {label('actor', 'Actor')}
        <input {...control('actor')} className="input" placeholder="email or system:…" autoComplete="off" />
        {error('actor')}
      </div>
      <div className="w-36">
        {label('tenant', 'Tenant')}
        <select {...control('tenant')} className="input">
          <option value="">Any</option>
          {tenants.map((slug) => (
            <option key={slug} value={slug}>
              {slug}
            </option>
          ))}
          {values.tenant && !tenants.includes(values.tenant) ? <option value={values.tenant}>{values.tenant}</option> : null}
        </select>
        {error('tenant')}
      </div>
      <div className="w-40">
        {label('from', 'From (UTC)')}
        <input {...control('from')} type="date" className="input" />
        {error('from')}
      </div>
      <div className="w-40">
        {label('to', 'To (UTC)')}
        <input {...control('to')} type="date" className="input" />
        {error('to')}
      </div>
      <div className="flex items-center gap-2 self-start pt-5">
        <button type="submit" className="btn btn-primary">
          Apply
        </button>
        <Link href="/admin/audit" className="btn btn-ghost">
          Clear
        </Link>
      </div>
      {issues.form ? <p className="w-full text-sm text-red-700">{issues.form}</p> : null}
    </form>
  );
}
