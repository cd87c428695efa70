import { Notice } from '@/components/ui/field';
import type { HygieneCorrection } from '@/lib/server/corrections-hygiene/load';
import type { UnmatchedCorrection } from '@/lib/server/corrections-hygiene/never-matched';
import type { OverlappingPair } from '@/lib/server/corrections-hygiene/overlapping';
import type { CorrectionWithMaliciousReleases } from '@/lib/server/corrections-hygiene/released-malicious';
import { FiltersForm } from './filters-form';
import { ExpiringTable, NeverMatchedTable, OverlappingTable, ReleasedMaliciousTable } from './hygiene-tables';
import type { FilterResult, HygieneView, RawParams } from './list-params';

export type HygieneData =
  | { view: 'never-matched'; rows: UnmatchedCorrection[] }
  | { view: 'released-malicious'; rows: CorrectionWithMaliciousReleases[] }
  | { view: 'expiring'; rows: HygieneCorrection[] }
  | { view: 'overlapping'; rows: OverlappingPair[] };

type Props = {
  tenant: string;
  base: string;
  query: RawParams;
  view: HygieneView;
  tenants: { slug: string; name: string }[];
  result: FilterResult<HygieneData>;
};

/** One hygiene view (admins), filtered by tenant only. */
export function HygieneSection({ tenant, base, query, view, tenants, result }: Props) {
  return (
    <>
      <FiltersForm action={base} params={query} routeTenant={tenant} tenants={tenants} keep={{ view }} tenantOnly />
      {!result.ok ? <Notice tone="error">{result.message}</Notice> : <HygieneTable tenant={tenant} data={result.data} />}
    </>
  );
}

function HygieneTable({ tenant, data }: { tenant: string; data: HygieneData }) {
  switch (data.view) {
    case 'never-matched':
      return <NeverMatchedTable tenant={tenant} rows={data.rows} />;
    case 'released-malicious':
      return <ReleasedMaliciousTable tenant={tenant} rows={data.rows} />;
    case 'expiring':
      return <ExpiringTable tenant={tenant} rows={data.rows} />;
    case 'overlapping':
      return <OverlappingTable tenant={tenant} rows={data.rows} />;
  }
}
