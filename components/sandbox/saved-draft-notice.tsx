import type { SavedOffer } from './use-draft';

type Props = { offer: SavedOffer; published: string; onRestore: () => void; onDrop: () => void };

/** Offers back the draft saved in this browser, or says why it cannot be applied any more. */
export function SavedDraftNotice({ offer, published, onRestore, onDrop }: Props) {
  if (!offer) return null;
  const stale = offer.kind === 'stale';
  return (
    <div role="status" className={`flex flex-wrap items-center gap-3 rounded-md border px-3 py-2 ${stale ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-accent-100 bg-accent-50 text-accent-700'}`}>
      <span className="flex-1">
        {stale
          ? `You have unpublished edits made to ${offer.baseVersion}, but ${published} has been published since. They cannot be applied to it.`
          : 'You have unpublished edits from earlier in this browser.'}
      </span>
      {stale ? null : (
        <button type="button" className="btn h-7 px-2" onClick={onRestore}>
          Restore edits
        </button>
      )}
      <button type="button" className="btn btn-ghost h-7 px-2" onClick={onDrop}>
        Discard them
      </button>
    </div>
  );
}
