'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EvidenceRef } from '@/lib/server/messages/detail/evidence';

// Shared state between the Why panel and what it points at: which body tab is open and which
// piece of evidence is highlighted. Clicking evidence opens the view that holds it, scrolls to
// it and highlights every run carrying that mark.

export type BodyTab = 'rendered' | 'text' | 'raw';

type FocusState = {
  tab: BodyTab;
  setTab: (tab: BodyTab) => void;
  activeId: string | null;
  focus: (ref: EvidenceRef) => void;
};

const FocusContext = createContext<FocusState | null>(null);

export function EvidenceFocusProvider({ initialTab, children }: { initialTab: BodyTab; children: ReactNode }) {
  const [tab, setTab] = useState<BodyTab>(initialTab);
  const [active, setActive] = useState<{ id: string; seq: number } | null>(null);

  const focus = useCallback((ref: EvidenceRef) => {
    if (!ref.id) return;
    if (ref.target === 'text' || ref.target === 'html' || ref.target === 'header') setTab('text');
    // seq makes a second click on the same evidence scroll again.
    setActive((previous) => ({ id: ref.id!, seq: (previous?.seq ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!active) return;
    const element = document.querySelector<HTMLElement>(`[data-ev~="${CSS.escape(active.id)}"]`) ?? document.getElementById(active.id);
    if (!element) return;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [active, tab]);

  const value = useMemo(() => ({ tab, setTab, activeId: active?.id ?? null, focus }), [tab, active, focus]);
  return <FocusContext.Provider value={value}>{children}</FocusContext.Provider>;
}

export function useEvidenceFocus(): FocusState {
  const value = useContext(FocusContext);
  if (!value) throw new Error('useEvidenceFocus outside EvidenceFocusProvider');
  return value;
}
