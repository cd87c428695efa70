'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

// Keyboard for the list: "/" focuses search, j/k move a visible cursor over the rows, Enter opens
// the row under it; a click anywhere on a row opens it too. None of it fires while the person is
// typing in a field or holding a modifier (browser and screen-reader shortcuts keep working).
// The rows are server-rendered; this finds them by [data-message-row] and marks the cursor with
// aria-current, so the table stays a server component.

const ROW = '[data-message-row]';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function RowCursor({ searchId }: { searchId: string }) {
  const router = useRouter();
  const index = useRef(-1);

  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLElement>(ROW));
    const place = (next: number) => {
      const all = rows();
      if (all.length === 0) return;
      const i = Math.max(0, Math.min(all.length - 1, next));
      all.forEach((row, n) => (n === i ? row.setAttribute('aria-current', 'true') : row.removeAttribute('aria-current')));
      all[i].scrollIntoView({ block: 'nearest' });
      index.current = i;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        document.getElementById(searchId)?.focus();
      } else if (event.key === 'j') {
        place(index.current + 1);
      } else if (event.key === 'k') {
        place(index.current < 0 ? 0 : index.current - 1);
      } else if (event.key === 'Enter' && index.current >= 0 && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
        const href = rows()[index.current]?.dataset.messageRow;
        if (href) router.push(href);
      }
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>(ROW);
      // Links handle themselves (and modifier clicks); selecting text is not a click.
      if (!row || target.closest('a, button, input, select') || window.getSelection()?.toString()) return;
      const href = row.dataset.messageRow;
      if (href) router.push(href);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [router, searchId]);

  return null;
}
