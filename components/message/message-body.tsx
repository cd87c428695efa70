'use client';

import type { KeyboardEvent } from 'react';
import type { MessageDetailView } from '@/lib/server/messages/detail/get-detail';
import { useEvidenceFocus, type BodyTab } from './evidence-focus';
import { TextRuns } from './text-runs';
import { formatBytes } from './verdict-badge';

type Props = {
  view: Pick<MessageDetailView, 'id' | 'tenant' | 'texts' | 'headerLines' | 'raw' | 'hasHtml' | 'parseError'>;
  iframeAttributes: Record<string, string>;
};

const tabs: { id: BodyTab; label: string }[] = [
  { id: 'rendered', label: 'Rendered' },
  { id: 'text', label: 'Text' },
  { id: 'raw', label: 'Raw source' },
];

/** The message body in three views: sandboxed rendering, text with evidence marks, raw source. */
export function MessageBody({ view, iframeAttributes }: Props) {
  const { tab, setTab } = useEvidenceFocus();

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    setTab(next.id);
    document.getElementById(`body-tab-${next.id}`)?.focus();
  };

  return (
    <section aria-label="Message body" className="panel overflow-hidden">
      <div className="flex items-center justify-between border-b border-zinc-200 px-2">
        <div role="tablist" aria-label="Body view" className="flex" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`body-tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              aria-controls={`body-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t.id ? 'border-accent-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800'}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="px-2 text-xs text-zinc-500">
          {tab === 'rendered' ? 'Sandboxed · scripts, forms and remote content blocked · links not followable' : tab === 'text' ? 'Evidence highlighted · URLs shown, never linked' : 'Escaped source'}
        </span>
      </div>
      <div id={`body-panel-${tab}`} role="tabpanel" aria-labelledby={`body-tab-${tab}`}>
        {tab === 'rendered' ? <Rendered view={view} iframeAttributes={iframeAttributes} /> : null}
        {tab === 'text' ? <TextView view={view} /> : null}
        {tab === 'raw' ? <RawView raw={view.raw} /> : null}
      </div>
    </section>
  );
}

function Rendered({ view, iframeAttributes }: Props) {
  if (view.parseError) return <p className="px-4 py-6 text-zinc-600">This message cannot be rendered ({view.parseError}). The raw source view shows its bytes.</p>;
  return (
    // The src is our preview route: sanitised HTML served with a CSP that forbids every load.
    // The attributes come from PREVIEW_IFRAME_ATTRIBUTES (sandbox="" grants nothing).
    <iframe {...iframeAttributes} src={`/t/${view.tenant}/messages/${view.id}/preview`} className="block h-[560px] w-full resize-y bg-white" />
  );
}

function TextView({ view }: { view: Props['view'] }) {
  const { activeId } = useEvidenceFocus();
  if (!view.texts.length && !view.headerLines.length) return <p className="px-4 py-6 text-zinc-600">This message has no text.</p>;
  return (
    <div className="max-h-[640px] overflow-auto">
      {view.headerLines.length ? (
        <div className="border-b border-zinc-200 bg-zinc-50 px-4 py-2.5">
          <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">Headers with evidence</h3>
          <dl className="space-y-0.5 font-mono text-sm">
            {view.headerLines.map((h) => (
              <div key={h.id} className="flex gap-2">
                <dt className="shrink-0 text-zinc-500">{h.name}:</dt>
                <dd className="min-w-0 break-words whitespace-pre-wrap">
                  <TextRuns runs={h.runs} activeId={activeId} />
                  {h.encoded ? <span className="ml-2 font-sans text-xs text-zinc-500">(encoded header, shown decoded)</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {view.texts.map((part) => (
        <div key={part.part} className="border-b border-zinc-100 last:border-0">
          <h3 className="px-4 pt-2.5 text-xs font-medium tracking-wide text-zinc-500 uppercase">
            {part.label} <span className="font-normal normal-case">· {part.length.toLocaleString('en')} characters</span>
          </h3>
          <pre className="px-4 py-2 font-mono text-sm break-words whitespace-pre-wrap text-zinc-800">
            <TextRuns runs={part.runs} activeId={activeId} />
          </pre>
          {part.truncated ? <p className="px-4 pb-3 text-xs text-amber-800">Shown up to 200,000 characters; evidence further on is listed in the Why panel but not highlighted.</p> : null}
        </div>
      ))}
    </div>
  );
}

function RawView({ raw }: { raw: Props['view']['raw'] }) {
  return (
    <div className="max-h-[640px] overflow-auto">
      {raw.truncated ? (
        <p className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900">
          Large message: showing the first 200,000 characters of {formatBytes(raw.bytes)}.
        </p>
      ) : null}
      {/* A text node: React escapes it, so the source can never become markup. */}
      <pre data-testid="raw-source" className="px-4 py-2 font-mono text-xs break-all whitespace-pre-wrap text-zinc-800">
        {raw.text}
      </pre>
    </div>
  );
}
