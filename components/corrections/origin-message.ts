import type { MessageDetail } from '@/lib/server/messages/get';
import type { OriginMessage } from './form-values';

/** The slice of a stored message the correction form needs (serialisable for the client). */
export function toOriginMessage(message: MessageDetail): OriginMessage {
  const firedRules = (message.decision?.attribution ?? [])
    .flatMap((a) => (a.kind === 'rule' && a.contribution > 0 ? [{ id: a.ruleId, title: a.title, contribution: a.contribution }] : []))
    .sort((a, b) => b.contribution - a.contribution);
  return {
    id: message.id,
    subject: message.subject,
    fromAddress: message.fromAddress,
    fromDomain: message.fromDomain,
    fingerprint: message.fingerprint,
    verdict: message.verdict,
    receivedAt: message.receivedAt.toISOString(),
    auth: { spf: message.spf, dkim: message.dkim, dmarc: message.dmarc },
    firedRules,
  };
}
