'use client';

import { Badge } from '@/components/ui/badge';
import type { AttachmentRow, LinkRow } from '@/lib/server/messages/detail/parts';
import { useEvidenceFocus } from './evidence-focus';
import { formatBytes } from './verdict-badge';

const rowClass = (active: boolean) => (active ? 'bg-amber-50 outline-2 -outline-offset-2 outline-amber-500' : '');

/** Every link: what the reader sees, where it really goes. Destinations are text, never hrefs. */
export function LinksTable({ links }: { links: { rows: LinkRow[]; total: number } }) {
  const { activeId } = useEvidenceFocus();
  return (
    <section aria-labelledby="links-heading" className="panel overflow-hidden">
      <header className="border-b border-zinc-200 px-4 py-2">
        <h2 id="links-heading" className="font-semibold text-zinc-900">
          Links <span className="font-normal text-zinc-400">{links.total}</span>
        </h2>
      </header>
      {links.rows.length === 0 ? (
        <p className="px-4 py-3 text-zinc-500">No links in this message.</p>
      ) : (
        <div className="max-h-[420px] overflow-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Visible text</th>
                <th scope="col">Real destination</th>
                <th scope="col">Domain</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {links.rows.map((link) => (
                <tr key={link.index} id={link.anchor ?? undefined} data-ev={link.anchor ?? undefined} className={rowClass(link.anchor !== null && link.anchor === activeId)}>
                  <td className="text-zinc-500">{link.index + 1}</td>
                  <td className="max-w-[220px] break-words">{link.text || <span className="text-zinc-400">(bare URL)</span>}</td>
                  <td className="max-w-[360px] font-mono text-xs break-all text-zinc-700">{link.href}</td>
                  <td className="font-mono text-xs whitespace-nowrap">{link.registrableDomain || link.host}</td>
                  <td>
                    <div className="flex flex-wrap gap-1">{link.flags.map((f) => <Badge key={f} tone="warning">{f}</Badge>)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {links.total > links.rows.length ? <p className="px-4 py-2 text-xs text-zinc-500">First {links.rows.length} of {links.total} links shown.</p> : null}
        </div>
      )}
    </section>
  );
}

/** Attachments as facts only: the console never serves their bytes (executables least of all). */
export function AttachmentsTable({ attachments }: { attachments: AttachmentRow[] }) {
  const { activeId } = useEvidenceFocus();
  return (
    <section aria-labelledby="attachments-heading" className="panel overflow-hidden">
      <header className="flex items-baseline justify-between border-b border-zinc-200 px-4 py-2">
        <h2 id="attachments-heading" className="font-semibold text-zinc-900">
          Attachments <span className="font-normal text-zinc-400">{attachments.length}</span>
        </h2>
        <span className="text-xs text-zinc-500">Contents are never served; look files up by SHA-256.</span>
      </header>
      {attachments.length === 0 ? (
        <p className="px-4 py-3 text-zinc-500">No attachments.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">SHA-256</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.index} id={a.anchor ?? undefined} data-ev={a.anchor ?? undefined} className={rowClass(a.anchor !== null && a.anchor === activeId)}>
                  <td className="max-w-[220px] font-mono text-xs break-all">{a.filename || <span className="text-zinc-400">(unnamed)</span>}</td>
                  <td className="text-xs whitespace-nowrap">
                    {a.declaredType || '—'}
                    {a.sniffedType && a.sniffedType !== a.declaredType ? <div className="text-zinc-500">looks like {a.sniffedType}</div> : null}
                  </td>
                  <td className="whitespace-nowrap">{formatBytes(a.size)}</td>
                  <td className="max-w-[200px] font-mono text-xs break-all text-zinc-600">{a.sha256}</td>
                  <td>
                    <div className="flex flex-wrap gap-1">{a.flags.map((f) => <Badge key={f} tone={f === 'executable' ? 'danger' : 'warning'}>{f}</Badge>)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
