import 'server-only';
import { randomUUID } from 'node:crypto';
import { createLayout, packSignals, SIGNALS, type Decision, type ParsedMessage, type SignalSet, type SignalLayout } from '@/lib/engine';

// A scored message turned into the rows we store. PostgreSQL text and jsonb reject NUL, which
// hostile mail does contain, so every string is stripped of it here (the raw bytes keep it).

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

const clean = (s: string) => s.replace(/\0/g, '');
const jsonClean = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? clean(v) : v));

let layout: SignalLayout | undefined;

export function buildRows(input: { message: ParsedMessage; signals: SignalSet; decision: Decision; recipient: string; receivedAt: Date; label: Label | null }) {
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
    toAddresses: message.to.map((a) => clean(a.address.toLowerCase())),
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
    spf: message.auth.spf?.result ?? null,
    dkim: (message.auth.dkim.find((d) => d.result === 'pass') ?? message.auth.dkim[0])?.result ?? null,
    dmarc: message.auth.dmarc?.result ?? null,
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
function topReason(decision: Decision): string | null {
  const top = decision.attribution.find((a) => a.contribution > 0);
  if (!top) return null;
  if (top.kind === 'rule') return top.title;
  if (top.kind === 'model') return `model: ${top.feature}`;
  return `correction ${top.correctionId}`;
}
