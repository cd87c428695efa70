'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Thresholds } from '@/lib/engine/types';
import { rulesetDraft, type RuleDraft } from '@/lib/server/rulesets/input';

export type Draft = { thresholds: Thresholds; rules: RuleDraft[] };

// The draft is saved in localStorage as it is edited, so a reload or a detour to a message page
// loses nothing: the page then offers it back. It can be restored only onto the version it was
// edited from; applied to a newer one it would silently undo someone else's publish.
const STORAGE_KEY = 'triage.sandbox.draft';
type Saved = { baseVersion: string; draft: Draft };

/** What the page offers about a saved draft: restore it, or say it is based on an older version. */
export type SavedOffer = { kind: 'restore' | 'stale'; baseVersion: string } | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function newRule(existing: readonly RuleDraft[]): RuleDraft {
  let n = 1;
  while (existing.some((r) => r.id === `new_rule_${n}`)) n++;
  return { id: `new_rule_${n}`, title: 'New rule', description: '', expression: 'false', score: 1, category: 'spam', enabled: true, tags: [] };
}

/** The sandbox's working copy of the ruleset, with per-rule edit state against the published one. */
export function useDraft(base: Draft, baseVersion: string) {
  const [draft, setDraftState] = useState<Draft>(base);
  // Whether this page edited the draft: only then may it overwrite or drop what was saved.
  const [touched, setTouched] = useState(false);
  const setDraft = (next: Draft | ((d: Draft) => Draft)) => {
    setTouched(true);
    setDraftState(next);
  };
  const dirty = useMemo(() => !same(draft, base), [draft, base]);
  // Read through useSyncExternalStore: the server has no storage, so it renders no offer.
  const savedText = useSyncExternalStore(subscribeStorage, readStorage, () => null);
  const saved = useMemo(() => parseSaved(savedText), [savedText]);
  const offer: SavedOffer = dirty || !saved || same(saved.draft, base) ? null : { kind: saved.baseVersion === baseVersion ? 'restore' : 'stale', baseVersion: saved.baseVersion };

  useEffect(() => {
    // Untouched, keep what was saved until it is restored or dropped; edited back to the
    // published ruleset, there is nothing left to offer.
    if (dirty) window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ baseVersion, draft } satisfies Saved));
    else if (touched) forgetSaved();
  }, [dirty, touched, draft, baseVersion]);

  const baseById = useMemo(() => new Map(base.rules.map((r) => [r.id, r])), [base]);
  const stateOf = (rule: RuleDraft): 'new' | 'edited' | 'unchanged' => {
    const was = baseById.get(rule.id);
    if (!was) return 'new';
    return same(was, rule) ? 'unchanged' : 'edited';
  };

  return {
    draft,
    dirty,
    offer,
    restoreSaved: () => {
      if (saved && offer?.kind === 'restore') setDraft(saved.draft);
    },
    stateOf,
    updateRule: (id: string, patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) })),
    addRule: (rule: RuleDraft) => setDraft((d) => ({ ...d, rules: [...d.rules, rule] })),
    removeRule: (id: string) => setDraft((d) => ({ ...d, rules: d.rules.filter((r) => r.id !== id) })),
    revertRule: (id: string) => {
      const was = baseById.get(id);
      if (was) setDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.id === id ? was : r)) }));
    },
    setThresholds: (t: Thresholds) => setDraft((d) => ({ ...d, thresholds: t })),
    discard: () => {
      setDraft(base);
      forgetSaved();
    },
    /** Drops the saved copy (after a publish, or when the page's offer is declined). */
    forget: forgetSaved,
  };
}

const readStorage = () => window.localStorage.getItem(STORAGE_KEY);

// Another tab's writes arrive as storage events; this tab's own are read on its next render.
function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

function forgetSaved() {
  window.localStorage.removeItem(STORAGE_KEY);
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
}

function parseSaved(text: string | null): Saved | null {
  if (!text) return null;
  try {
    const saved = JSON.parse(text) as Saved;
    return typeof saved.baseVersion === 'string' && rulesetDraft.safeParse(saved.draft).success ? saved : null;
  } catch {
    return null;
  }
}
