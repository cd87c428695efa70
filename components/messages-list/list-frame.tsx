'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useTransition, type MouseEvent, type ReactNode } from 'react';

// Filter, sort and page changes are same-page navigations, which do not show loading.tsx again
// (Suspense keeps the old page). Running them in one transition lets the table dim while the
// server answers, so a click visibly did something and the old rows are not mistaken for new.

type ListNavigation = { navigate: (href: string) => void; pending: boolean };

const Navigation = createContext<ListNavigation | null>(null);

export function useListNavigation(): ListNavigation {
  const value = useContext(Navigation);
  if (!value) throw new Error('useListNavigation needs <ListFrame>');
  return value;
}

export function ListFrame({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  return <Navigation.Provider value={{ navigate, pending }}>{children}</Navigation.Provider>;
}

/** The results: dimmed and marked busy while a list navigation is on its way. */
export function PendingArea({ children }: { children: ReactNode }) {
  const { pending } = useListNavigation();
  return (
    <div aria-busy={pending} className={`transition-opacity duration-150 ${pending ? 'opacity-50' : ''}`}>
      {children}
    </div>
  );
}

/** A real link (copy, middle-click, new tab) that navigates inside the list's transition. */
export function ListLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const { navigate } = useListNavigation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
