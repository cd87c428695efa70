import type { TenantProfile } from '@/lib/engine/types';

// The three customers of ../shared/corpus. The seed stores them; `npm run score --tenant` reads
// them directly so the command line scores exactly as the console would for a new sender.
export type DemoTenant = TenantProfile & { name: string; vips: { name: string; addresses: string[]; title: string }[] };

export const demoTenants: DemoTenant[] = [
  {
    slug: 'northwind',
    name: 'Northwind Traders',
    domains: ['northwind.example'],
    vips: [
      { name: 'Alex Morgan', title: 'Chief Executive Officer', addresses: ['ceo@northwind.example', 'alex.morgan@northwind.example'] },
      { name: 'Priya Shah', title: 'Chief Financial Officer', addresses: ['priya.shah@northwind.example'] },
      { name: 'Jordan Lee', title: 'Head of IT', addresses: ['jordan.lee@northwind.example'] },
    ],
  },
  {
    slug: 'contoso',
    name: 'Contoso Ltd',
    domains: ['contoso.example'],
    vips: [
      { name: 'Maria Garcia', title: 'Chief Executive Officer', addresses: ['m.garcia@contoso.example'] },
      { name: 'Sam Otieno', title: 'Finance Director', addresses: ['sam.otieno@contoso.example'] },
    ],
  },
  {
    slug: 'fabrikam',
    name: 'Fabrikam Inc',
    domains: ['fabrikam.example'],
    vips: [
      { name: 'Dana Kim', title: 'Chief Executive Officer', addresses: ['dana.kim@fabrikam.example'] },
      { name: 'Radek Novak', title: 'General Counsel', addresses: ['r.novak@fabrikam.example'] },
    ],
  },
];

/** The demo tenant with this slug, or undefined. */
export function findDemoTenant(slug: string): DemoTenant | undefined {
  return demoTenants.find((t) => t.slug === slug);
}
