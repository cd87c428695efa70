import type { Metadata } from 'next';
import { NotFoundPanel } from '@/components/ui/not-found-panel';
import { LogoMark } from '@/components/ui/icons';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-11 items-center gap-1.5 border-b border-zinc-800 bg-zinc-900 px-4 text-[14px] font-semibold text-white">
        <LogoMark className="size-[18px] text-accent-500" />
        Triage
      </header>
      <main className="flex-1 px-6">
        <NotFoundPanel />
      </main>
    </div>
  );
}
