/** Loading placeholders shaped like the content they stand in for. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`skeleton ${className}`} />;
}

/** A page header plus a table-shaped block: the loading state of most console pages. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label="Loading">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-6 w-48" />
      <Skeleton className="mt-2 h-4 w-80" />
      <div className="panel mt-5 overflow-hidden">
        <div className="border-b border-zinc-200 bg-zinc-50 px-3 py-2">
          <Skeleton className="h-3 w-40" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-3 py-2.5 last:border-0">
            <Skeleton className="h-3.5 w-44" />
            <Skeleton className="h-3.5 flex-1" />
            <Skeleton className="h-3.5 w-20" />
          </div>
        ))}
      </div>
    </div>
  );
}
