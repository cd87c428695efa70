import { Skeleton } from '@/components/ui/skeleton';

/** Loading state shaped like the message page: header, body, side panel. */
export function MessageSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading message">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-3 w-24" />
      <Skeleton className="mt-2 h-6 w-2/3" />
      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="space-y-4">
          <div className="panel space-y-2 p-4">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-3.5 w-3/4" />
            ))}
          </div>
          <div className="panel h-[420px] p-4">
            <Skeleton className="h-full w-full" />
          </div>
        </div>
        <div className="panel space-y-3 p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}
