import 'server-only';
import { z } from 'zod';
import { parseMessage, type ParsedMessage, type RulesetSource } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/server/auth';
import { loadPublishedRuleset } from '@/lib/server/rulesets/published';
import { loadRulesetSource } from '@/lib/server/rulesets/source';
import { getMessage } from '../get';
import { buildAuthView, type AuthView } from './auth';
import { loadContext, type ContextView } from './context';
import { indexEvidence } from './evidence';
import { buildHeaderSummary, buildReceivedChain, type HeaderSummary, type HopView } from './headers';
import { buildAttachmentRows, buildLinkRows, type AttachmentRow, type LinkRow } from './parts';
import { buildHeaderLines, buildTextParts, type HeaderLine, type TextPart } from './text';
import { buildWhy, type WhyView } from './why';

// The message page's whole view model, in one operation: the stored row and analysis, the raw
// bytes re-parsed (headers, auth, hops, links, attachments, the texts evidence offsets index),
// and the sender/recipient context. Plain JSON: it crosses to client components as props.

export const getMessageDetailInput = z.object({ tenant: z.string().min(1), id: z.string() });

/** Raw source shown on the page; the rest is cut with a note (a message can be 25 MiB). */
export const maxRawChars = 200_000;

export type MessageDetailView = {
  id: string;
  tenant: string;
  receivedAt: string;
  size: number;
  fingerprint: string;
  recipient: string;
  label: string | null;
  summary: { verdict: string; score: number; action: string; flagged: boolean; rulesetVersion: string };
  headers: HeaderSummary | null;
  auth: AuthView | null;
  received: { hops: HopView[]; omitted: number };
  why: WhyView | null;
  texts: TextPart[];
  headerLines: HeaderLine[];
  links: { rows: LinkRow[]; total: number };
  attachments: AttachmentRow[];
  hasHtml: boolean;
  raw: { text: string; truncated: boolean; bytes: number };
  /** Set when today's parser rejects the stored bytes (the page still shows the raw source). */
  parseError: string | null;
  context: ContextView;
};

export async function getMessageDetail({ ctx, input }: { ctx: Ctx; input: z.input<typeof getMessageDetailInput> }): Promise<MessageDetailView> {
  const q = getMessageDetailInput.parse(input);
  // A malformed id is just an id that does not exist: 404, same as another tenant's.
  if (!z.uuid().safeParse(q.id).success) throw new AppError('not_found', { message: `malformed message id` });
  const stored = await getMessage({ ctx, input: { tenant: q.tenant, id: q.id, includeRaw: true } });
  const raw = stored.raw ?? new Uint8Array();
  const parsed = await parseMessage(raw);
  const message: ParsedMessage | null = parsed.ok ? parsed.message : null;
  const decision = stored.decision;
  const index = message ? indexEvidence(message, decision?.attribution ?? []) : null;
  const rawHead = raw.subarray(0, maxRawChars * 4);
  const decoded = new TextDecoder('utf-8').decode(rawHead);
  const context = await loadContext({ tenantId: stored.tenantId, address: stored.fromAddress, domain: stored.fromDomain, recipient: stored.recipient, signals: stored.signals });

  return {
    id: stored.id,
    tenant: stored.tenant,
    receivedAt: stored.receivedAt.toISOString(),
    size: stored.size,
    fingerprint: stored.fingerprint,
    recipient: stored.recipient,
    label: stored.label,
    summary: { verdict: stored.verdict, score: stored.score, action: stored.action, flagged: stored.flagged, rulesetVersion: stored.rulesetVersion },
    headers: message ? buildHeaderSummary(message) : null,
    auth: message ? buildAuthView(message, stored.signals?.values['message.auth_aligned'] === true) : null,
    received: message ? buildReceivedChain(message.received) : { hops: [], omitted: 0 },
    why: decision ? buildWhy(decision, index, await rulesFor(decision.rulesetVersion)) : null,
    texts: message && index ? buildTextParts(message, index) : [],
    headerLines: index ? buildHeaderLines(index) : [],
    links: message ? buildLinkRows(message, stored.signals, index?.links ?? new Map()) : { rows: [], total: 0 },
    attachments: message ? buildAttachmentRows(message, stored.signals, index?.attachments ?? new Map()) : [],
    hasHtml: !!message?.html.trim(),
    raw: { text: decoded.slice(0, maxRawChars), truncated: decoded.length > maxRawChars || rawHead.byteLength < raw.byteLength, bytes: raw.byteLength },
    parseError: parsed.ok ? null : `${parsed.error.code}: ${parsed.error.message}`,
    context,
  };
}

/** Rule texts from the version that made the decision; the published one when it is not stored. */
async function rulesFor(version: string): Promise<RulesetSource> {
  return (await loadRulesetSource(version)) ?? (await loadPublishedRuleset()).source;
}
