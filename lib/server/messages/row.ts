import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  createLayout, extractSignals, identifyMessage, packSignals, parseMessage, SIGNALS,
  type Decision, type MessageIdentity, type ParsedMessage, type ParseErrorCode, type SignalLayout, type SignalSet, type TenantProfile,
} from '@/lib/engine';

// A scored message turned into the rows we store. PostgreSQL text and jsonb reject NUL, which
// hostile mail does contain, so every string is stripped of it here (the raw bytes keep it).

/** What storing and scoring need from a parsed message: small enough to pass between threads. */
export type MessageSummary = {
  fingerprint: string;
  messageId: string | null;
  from: { address: string; name: string; registrableDomain: string } | null;
  to: string[];
  subject: string;
  size: number;
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
  identity: MessageIdentity;
};

/**
 * Everything about one raw message that does not depend on the tenant's history: its summary, its
 * envelope recipient and its content signals (sender.* and recipient.* are added in arrival order
 * by withHistory in history.ts). Pure, so the bulk ingester runs it on worker threads.
 */
export type Analyzed =
  | { ok: true; summary: MessageSummary; recipient: string; signals: SignalSet }
  | { ok: false; code: ParseErrorCode; message: string };

export async function analyzeRaw(raw: Uint8Array, tenant: TenantProfile, recipientHint?: string): Promise<Analyzed> {
  const parsed = await parseMessage(raw);
  if (!parsed.ok) return { ok: false, code: parsed.error.code, message: parsed.error.message };
  const message = parsed.message;
  const recipient = (recipientHint ?? message.to[0]?.address ?? '').trim().toLowerCase();
  const signals = extractSignals(message, { tenant, recipient, sender: null, recipientStats: null });
  return { ok: true, summary: summarize(message), recipient, signals };
}

export function summarize(message: ParsedMessage): MessageSummary {
  return {
    fingerprint: message.fingerprint,
    messageId: message.messageId,
    from: message.from ? { address: message.from.address, name: message.from.name, registrableDomain: message.from.registrableDomain } : null,
    to: message.to.map((a) => a.address),
    subject: message.subject,
    size: message.size,
    spf: message.auth.spf?.result ?? null,
    dkim: (message.auth.dkim.find((d) => d.result === 'pass') ?? message.auth.dkim[0])?.result ?? null,
    dmarc: message.auth.dmarc?.result ?? null,
    identity: identifyMessage(message),
  };
}

export type Label = 'phish' | 'spam' | 'ham';

export type MessageRow = {
  id: string;
  fingerprint: string;
  receivedAt: Date;
  messageId: string | null;
  fromAddress: string;
  fromName: string;
  fromDomain: string;
  toAddresses: string[];
  recipient: string;
  subject: string;
  size: number;
  verdict: string;
  score: number;
  action: string;
  flagged: boolean;
  topReason: string | null;
  firedRules: string[];
  rulesetVersion: string;
  label: Label | null;
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
};

export type AnalysisRow = { signals: string; decision: string; layoutKey: string; packedNum: Buffer; packedStr: string[] };

const clean = (s: string) => (s.includes('\0') ? s.replace(/\0/g, '') : s);
// JSON writes NUL as \u0000. Dropping those escapes (not escaped backslashes followed by "u0000")
// strips NUL from every string, much faster than a replacer function called on every value.
const jsonClean = (value: unknown) => {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : json;
};

let layout: SignalLayout | undefined;

export function buildRows(input: { message: MessageSummary; signals: SignalSet; decision: Decision; recipient: string; receivedAt: Date; label: Label | null }) {
  const { message, signals, decision } = input;
  layout ??= createLayout(SIGNALS);
  const packed = packSignals(layout, signals);
  const row: MessageRow = {
    id: randomUUID(),
    fingerprint: message.fingerprint,
    receivedAt: input.receivedAt,
    messageId: message.messageId ? clean(message.messageId) : null,
    fromAddress: clean(message.from?.address.toLowerCase() ?? ''),
    fromName: clean(message.from?.name ?? ''),
    fromDomain: clean(message.from?.registrableDomain ?? ''),
    toAddresses: message.to.map((a) => clean(a.toLowerCase())),
    recipient: clean(input.recipient.toLowerCase()),
    subject: clean(message.subject),
    size: message.size,
    verdict: decision.verdict,
    score: decision.score,
    action: decision.action,
    flagged: decision.flagged,
    topReason: topReason(decision),
    firedRules: decision.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : [])),
    rulesetVersion: decision.rulesetVersion,
    label: input.label,
    spf: message.spf,
    dkim: message.dkim,
    dmarc: message.dmarc,
  };
  const analysis: AnalysisRow = {
    signals: jsonClean(signals),
    decision: jsonClean(decision),
    layoutKey: layout.key,
    // Float64 in machine byte order (little-endian on every target we run): loads straight into a Float64Array.
    packedNum: Buffer.from(packed.num.buffer, packed.num.byteOffset, packed.num.byteLength),
    packedStr: packed.str.map(clean),
  };
  return { row, analysis };
}

/** The one-line reason shown in the list: the largest positive contribution. */
/**
 * The list's one-line "why": the correction that released it, else the heaviest rule that
 * fired, else the heaviest model feature (rules have titles people read; features are a fallback).
 */
function topReason(decision: Decision): string | null {
  const allowed = decision.attribution.find((a) => a.kind === 'correction' && a.effect === 'allow');
  if (allowed?.kind === 'correction') return `allowed by correction #${allowed.correctionId}`;
  const positive = decision.attribution.filter((a) => a.contribution > 0);
  const rule = positive.find((a) => a.kind === 'rule');
  if (rule?.kind === 'rule') return rule.title;
  const feature = positive.find((a) => a.kind === 'model');
  return feature?.kind === 'model' ? `model: ${feature.feature}` : null;
}
