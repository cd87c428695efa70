// Signal stage: turns a ParsedMessage plus the tenant's context into the catalog's values.
import type { ParsedMessage, ScoringContext, SignalSet } from '../types';
import { addAttachmentSignals } from './attachments';
import { addAuthSignals } from './auth';
import { addBodySignals } from './body';
import { addContentSignals } from './content';
import { addHistorySignals } from './history';
import { addLinkSignals } from './links';
import { listTargets, type LookalikeTarget } from './lookalike';
import { addPhraseSignals } from './phrases';
import { addSenderIdentitySignals } from './sender-identity';
import { createSignalBuilder, setSignal } from './signal-set';

export { SIGNALS, SIGNALS_BY_NAME, PHRASE_FAMILIES } from './catalog';
export type { PhraseFamily } from './catalog';

// Lookalike targets depend only on the tenant's domains; cache the last tenant's list.
let cachedKey = '';
let cachedTargets: LookalikeTarget[] = [];
function targetsFor(domains: string[]): LookalikeTarget[] {
  const key = domains.join(',');
  if (key !== cachedKey) {
    cachedTargets = listTargets(domains);
    cachedKey = key;
  }
  return cachedTargets;
}

/** Extracts every catalog signal (with evidence) from a parsed message and its scoring context. */
export function extractSignals(message: ParsedMessage, context: ScoringContext): SignalSet {
  const set = createSignalBuilder();
  const targets = targetsFor(context.tenant.domains);
  const listMail = message.headers.some((h) => h.key === 'list-id' || h.key === 'list-unsubscribe');

  addPhraseSignals(set, message);
  addSenderIdentitySignals(set, message, context, targets, listMail);
  const authenticated = addAuthSignals(set, message);
  if (set.values['message.from_tenant_domain'] === true && !authenticated) {
    setSignal(set, 'message.spoofed_internal', true, [{ kind: 'context', text: 'From uses the tenant domain without aligned SPF/DKIM/DMARC pass' }]);
  }
  const words = addBodySignals(set, message, context, listMail);
  addLinkSignals(set, message, targets, words);
  addAttachmentSignals(set, message);
  addContentSignals(set, message);
  addHistorySignals(set, context);
  return set;
}
