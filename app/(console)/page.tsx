import { redirect } from 'next/navigation';
import { EmptyState } from '@/components/ui/empty-state';
import { ShieldIcon } from '@/components/ui/icons';
import { requirePageUser } from '@/lib/server/auth';
import { getHomePath } from '@/lib/server/tenants/get-home-path';

// "/" has nothing of its own: go to the first granted tenant (or Admin for an admin with none).
export default async function HomePage() {
  const ctx = await requirePageUser();
  const home = await getHomePath({ ctx });
  if (home !== '/') redirect(home);
  return (
    <EmptyState icon={<ShieldIcon />} title="No tenants granted yet">
      Your account is active but has no tenants to work on. Ask an administrator to grant you access to a customer
      tenant; it will appear in the tenant switcher above.
    </EmptyState>
  );
}
