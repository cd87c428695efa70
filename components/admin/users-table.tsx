import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { UserRow } from '@/lib/server/users/list';
import { formatDateTime } from '@/components/ui/format';

const roleTone: Record<string, BadgeTone> = { admin: 'accent', engineer: 'neutral', support: 'neutral' };

export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <section aria-labelledby="users-heading" className="panel overflow-hidden">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5">
        <h2 id="users-heading" className="font-semibold text-zinc-900">
          Users <span className="font-normal text-zinc-400">{users.length}</span>
        </h2>
      </header>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Tenants granted</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td className="font-mono text-sm text-zinc-800">
                  {u.email}
                  {u.disabled ? (
                    <span className="ml-2">
                      <Badge tone="danger">Disabled</Badge>
                    </span>
                  ) : null}
                </td>
                <td>{u.name}</td>
                <td>
                  <Badge tone={roleTone[u.role]}>{u.role}</Badge>
                </td>
                <td className="text-zinc-700">
                  {u.tenants === 'all' ? (
                    <span className="text-zinc-500">All tenants (admin)</span>
                  ) : u.tenants.length === 0 ? (
                    <span className="text-zinc-400">None</span>
                  ) : (
                    u.tenants.join(', ')
                  )}
                </td>
                <td className="whitespace-nowrap text-zinc-600">
                  {u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{formatDateTime(u.lastSignInAt)}</time> : <span className="text-zinc-400">Never</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
