import Link from 'next/link';
import { CompassIcon } from './icons';

/** The 404 body, used inside the shell and on the bare root 404 page. */
export function NotFoundPanel({ homeHref = '/' }: { homeHref?: string }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-20 text-center">
      <div className="mb-4 flex size-10 items-center justify-center rounded-lg border border-zinc-200 bg-white text-zinc-500">
        <CompassIcon className="size-5" />
      </div>
      <p className="font-mono text-xs text-zinc-500">404</p>
      <h1 className="mt-1 text-lg font-semibold text-zinc-900">Page not found</h1>
      <p className="mt-1.5 text-zinc-600">
        This page does not exist, or it belongs to a tenant you have not been granted. Check the address, or ask an
        administrator for access.
      </p>
      <Link href={homeHref} className="btn mt-5">
        Back to the console
      </Link>
    </div>
  );
}
