import { ListLink } from './list-frame';

type Props = {
  summary: string;
  clearHref: string | null;
  prevHref: string | null;
  nextHref: string | null;
  position: 'top' | 'bottom';
};

/** Count, "Clear filters" and keyset paging (Previous / Next: there are no page numbers by design). */
export function ResultsBar({ summary, clearHref, prevHref, nextHref, position }: Props) {
  return (
    <div className={`flex items-center gap-3 px-3 py-1.5 ${position === 'top' ? 'border-b border-zinc-200' : 'border-t border-zinc-200'}`}>
      {position === 'top' ? (
        <p className="text-zinc-600" role="status" data-testid="messages-count">
          {summary}
        </p>
      ) : null}
      {position === 'top' && clearHref ? (
        <ListLink href={clearHref} className="text-accent-700 hover:underline">
          Clear filters
        </ListLink>
      ) : null}
      <nav aria-label={position === 'top' ? 'Pages' : 'Pages (bottom)'} className="ml-auto flex items-center gap-1">
        <PageLink href={prevHref} label="Previous" />
        <PageLink href={nextHref} label="Next" />
      </nav>
    </div>
  );
}

function PageLink({ href, label }: { href: string | null; label: string }) {
  if (!href)
    return (
      <span className="btn btn-ghost h-7 cursor-default text-zinc-400 hover:bg-transparent" aria-disabled="true">
        {label}
      </span>
    );
  return (
    <ListLink href={href} className="btn h-7">
      {label}
    </ListLink>
  );
}
