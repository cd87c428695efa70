import { Skeleton } from '@/components/ui/skeleton';

/** Loading state of the correction form and page: a header, a main panel and a side column. */
export function TwoColumnSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-6 w-56" />
      <Skeleton className="mt-2 h-4 w-96" />
      <div className="mt-5 grid gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="panel space-y-4 p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-3.5 w-32" />
              <Skeleton className="h-8 w-full" />
            </div>
          ))}
        </div>
        <div className="space-y-4">
          <div className="panel space-y-2 p-3">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-2/3" />
          </div>
          <div className="panel space-y-2 p-3">
            <Skeleton className="h-3 w-28" />
            <Skeleton className="h-16 w-full" />
          </div>
        </div>
      </div>
    </div>
  );
}
