'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { Notice } from '@/components/ui/field';
import { formatDateTime } from '@/components/ui/format';
import type { Diagnostic } from '@/lib/engine/types';
import { sandboxCheckQuery, sandboxKeys, sandboxRequests } from '@/lib/query/keys';
import { diffRulesets } from '@/lib/server/rulesets/diff';
import type { SandboxStart } from '@/lib/server/sandbox/get';
import { BacktestPanel } from './backtest-panel';
import { findDraftErrors } from './draft-errors';
import { MessageCheck } from './message-check';
import { PublishPanel } from './publish-panel';
import { RuleEditor } from './rule-editor';
import { RuleList } from './rule-list';
import { SavedDraftNotice } from './saved-draft-notice';
import { ThresholdsEditor } from './thresholds-editor';
import { useDebounced } from './use-debounced';
import { newRule, useDraft, type Draft } from './use-draft';
import { useUrlParam } from './use-url-state';

type Props = { start: SandboxStart };

const NO_DIAGNOSTICS: Diagnostic[] = [];
// The rule checkDraft applies to message ids, so a hand-edited ?message= the server would refuse
// is named here instead of failing the check.
const messageIdShape = z.uuid();
// Not a valid rule id (ids start with a letter), so it cannot collide with one.
const THRESHOLDS = '$thresholds';

/**
 * Edit rules → every pause re-checks the draft and re-scores the chosen message → backtest the
 * exact draft over the tenant's history → publish it. Publishing needs a backtest of the draft as
 * it stands, the way a correction needs its impact preview.
 */
export function SandboxWorkbench({ start }: Props) {
  const { tenant, published } = start;
  const base = useMemo<Draft>(() => ({ thresholds: published.thresholds, rules: published.rules }), [published]);
  const d = useDraft(base, published.version);
  const [ruleParam, setRule] = useUrlParam('rule');
  const [messageId, setMessage] = useUrlParam('message');
  // No ?rule= opens the first rule; THRESHOLDS opens the thresholds.
  const selected = ruleParam === THRESHOLDS ? null : (d.draft.rules.find((r) => r.id === ruleParam)?.id ?? d.draft.rules[0]?.id ?? null);
  const errors = useMemo(() => findDraftErrors(d.draft), [d.draft]);

  const settled = useDebounced(d.draft, 250);
  const settledValid = useMemo(() => findDraftErrors(settled).valid, [settled]);
  // A hand-edited ?message= that is no id is said in the panel, not sent.
  const messageIdValid = messageId === null || messageIdShape.safeParse(messageId).success;
  const check = useQuery({ ...sandboxCheckQuery(tenant.slug, settled, messageIdValid ? messageId : null), enabled: settledValid, placeholderData: keepPreviousData });
  const checkIsCurrent = settled === d.draft && !check.isPlaceholderData && check.data !== undefined;
  const diagnostics = check.data && !check.data.ok ? check.data.diagnostics : NO_DIAGNOSTICS;
  const failing = useMemo(() => new Set(diagnostics.map((x) => x.ruleId)), [diagnostics]);

  const [tested, setTested] = useState<Draft | null>(null);
  const backtest = useMutation({
    mutationKey: sandboxKeys.backtest(tenant.slug),
    mutationFn: (draft: Draft) => sandboxRequests.backtest(tenant.slug, draft),
    onMutate: (draft) => setTested(draft),
  });
  const backtestStale = backtest.data !== undefined && tested !== d.draft;

  const changes = useMemo(() => diffRulesets(base, d.draft), [base, d.draft]);
  const blocker = !d.dirty
    ? 'Edit a rule or a threshold to publish.'
    : !errors.valid || diagnostics.length
      ? 'Fix the errors in the draft first.'
      : check.isError
        ? `The draft could not be checked: ${check.error.message}`
        : !checkIsCurrent
          ? 'Checking the draft…'
          : !backtest.data || backtestStale || backtest.isPending
            ? 'Backtest this draft first.'
            : null;

  const rule = selected === null ? null : d.draft.rules.find((r) => r.id === selected)!;
  const takenIds = useMemo(() => new Set(d.draft.rules.map((r) => r.id)), [d.draft.rules]);

  return (
    <div className="space-y-4">
      {published.error ? (
        <Notice tone="warning">
          {published.error} The rules that fail are marked below: fix them and publish, or roll back to a version that works.
        </Notice>
      ) : null}
      <SavedDraftNotice offer={d.offer} published={published.version} onRestore={d.restoreSaved} onDrop={d.forget} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-zinc-600">
          Editing a draft of <span className="font-mono">{published.version}</span>
          {published.shipped && !published.activatedBy ? ' (shipped with the app)' : ''}
          {published.activatedBy && published.activatedAt ? `, active since ${formatDateTime(published.activatedAt)} (${published.activatedBy})` : ''}.{' '}
          {d.dirty ? `${changes.added.length + changes.changed.length + changes.removed.length} rule${changes.added.length + changes.changed.length + changes.removed.length === 1 ? '' : 's'} changed${changes.thresholds ? ', thresholds changed' : ''}.` : 'No changes yet.'}
          {check.data?.ok ? ` ${check.data.enabledRules} rules enabled.` : ''}
        </p>
        {d.dirty ? (
          <button type="button" className="btn btn-ghost h-7 px-2" onClick={() => { if (window.confirm('Discard every edit in this draft?')) d.discard(); }}>
            Discard all edits
          </button>
        ) : null}
      </div>
      {errors.other.length ? <Notice tone="error">{errors.other.join(' ')}</Notice> : null}
      <div className="grid items-start gap-4 lg:grid-cols-[260px_minmax(0,1fr)_380px]">
        <RuleList
          rules={d.draft.rules}
          selected={selected}
          stateOf={d.stateOf}
          failing={new Set([...failing, ...errors.rules.keys()])}
          thresholdsEdited={changes.thresholds}
          onSelect={(id) => setRule(id ?? THRESHOLDS)}
          onAdd={() => {
            const r = newRule(d.draft.rules);
            d.addRule(r);
            setRule(r.id);
          }}
        />
        {rule ? (
          <RuleEditor
            key={rule.id}
            rule={rule}
            state={d.stateOf(rule)}
            diagnostics={diagnostics.filter((x) => x.ruleId === rule.id)}
            errors={errors.rules.get(rule.id) ?? {}}
            signals={start.signals}
            takenIds={takenIds}
            onChange={(patch) => d.updateRule(rule.id, patch)}
            onRename={(id) => {
              d.updateRule(rule.id, { id });
              setRule(id);
            }}
            onRevert={() => d.revertRule(rule.id)}
            onRemove={() => {
              d.removeRule(rule.id);
              setRule(null);
            }}
          />
        ) : (
          <ThresholdsEditor thresholds={d.draft.thresholds} published={published.thresholds} errors={errors.thresholds} onChange={d.setThresholds} />
        )}
        <div className="space-y-4 lg:sticky lg:top-16">
          <MessageCheck
            tenant={tenant.slug}
            messageId={messageId}
            recent={start.recentFlagged}
            result={check.data}
            pending={check.isFetching}
            error={check.error ?? (messageIdValid ? null : new Error(`“${messageId}” is not a message id.`))}
            invalid={!errors.valid}
            onMessage={setMessage}
          />
          <PublishPanel
            tenant={tenant.slug}
            draft={d.draft}
            baseVersion={published.version}
            changes={changes}
            blocker={blocker}
            onPublished={d.forget}
          />
        </div>
      </div>
      <BacktestPanel
        result={backtest.data}
        stale={backtestStale}
        pending={backtest.isPending}
        error={backtest.error}
        canRun={errors.valid && diagnostics.length === 0}
        onRun={() => backtest.mutate(d.draft)}
        onPick={(id) => {
          setMessage(id);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
    </div>
  );
}
