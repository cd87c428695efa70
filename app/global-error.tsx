'use client';

import './globals.css';

// Last resort when the root layout itself fails: no shell, just a way back.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-md px-6 py-24 text-center">
          <h1 className="text-lg font-semibold">Triage could not load</h1>
          <p className="mt-1.5 text-zinc-600">Something went wrong on our side. Try again; if it keeps happening, contact support.</p>
          <button type="button" onClick={reset} className="btn btn-primary mt-5">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
