'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';

/**
 * One search parameter as state, so the selected rule and message make the view linkable. The
 * URL is updated with history.replaceState, which Next's router observes without a server round
 * trip: router.replace would render the page on the server again for every click.
 */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const params = useSearchParams();
  const [value, setValue] = useState(() => params.get(name));
  const set = (next: string | null) => {
    setValue(next);
    const url = new URL(window.location.href);
    if (next === null) url.searchParams.delete(name);
    else url.searchParams.set(name, next);
    window.history.replaceState(null, '', url);
  };
  return [value, set];
}
