import { Skeleton } from '@/components/ui/skeleton';

/** The Messages page while it loads: header, controls and table rows in their real places. */
export function ListSkeleton({ rows = 14 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label="Loading messages">
      <span className="sr-only">Loading messages…</span>
      <div className="mb-3 flex items-baseline gap-3">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-64" />
      </div>
      <div className="panel overflow-hidden">
        <div className="space-y-2.5 border-b border-zinc-200 px-3 py-2.5">
          <div className="flex gap-2">
            <Skeleton className="h-8 flex-1" />
            <Skeleton className="h-8 w-20" />
            <Skeleton className="h-8 w-36" />
            <Skeleton className="h-8 w-36" />
            <Skeleton className="h-8 w-40" />
          </div>
          <div className="flex flex-wrap gap-2">
            {['w-28', 'w-28', 'w-48', 'w-28', 'w-48', 'w-36', 'w-48'].map((w, i) => (
              <Skeleton key={i} className={`h-11 ${w}`} />
            ))}
          </div>
        </div>
        <div className="border-b border-zinc-200 px-3 py-2">
          <Skeleton className="h-4 w-32" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-3 py-2.5 last:border-0">
            <Skeleton className="h-3.5 w-20" />
            <Skeleton className="h-3.5 w-56" />
            <Skeleton className="h-3.5 w-36" />
            <Skeleton className="h-3.5 flex-1" />
            <Skeleton className="h-3.5 w-14" />
            <Skeleton className="h-3.5 w-40" />
          </div>
        ))}
      </div>
    </div>
  );
}
