'use client';

import { useEffect } from 'react';
import { AlertIcon } from '@/components/ui/icons';

// Server errors reach the browser without their message in production (only a digest), so
// the copy is generic; the digest lets support match the server log line.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="panel mx-auto mt-10 flex max-w-lg flex-col items-center px-6 py-12 text-center">
      <div className="mb-3 flex size-9 items-center justify-center rounded-lg border border-red-200 bg-red-50 text-red-600">
        <AlertIcon />
      </div>
      <h1 className="text-md font-semibold text-zinc-900">This page failed to load</h1>
      <p className="mt-1.5 text-zinc-600">
        Something went wrong on our side. Retrying usually helps; if it keeps failing, contact support.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-zinc-400">Reference {error.digest}</p> : null}
      <button type="button" onClick={reset} className="btn btn-primary mt-5">
        Try again
      </button>
    </div>
  );
}
