import type { FoundMessages } from '@/lib/server/messages/find';
import type { ListMessagesInput } from '@/lib/server/messages/list-input';
import type { Issue } from '@/lib/errors';
import { dayRange, sortInput, type ListView, type ViewIssue, type ViewKey } from './search-params';

/** listMessages input for a URL view; the search box becomes a Message-ID or subject filter. */
export function toListInput(tenant: string, view: ListView, found: FoundMessages | null): ListMessagesInput {
  const { from, to } = dayRange(view);
  return {
    tenant,
    verdict: view.verdict,
    flagged: view.flagged === undefined ? undefined : view.flagged === 'yes',
    rule: view.rule,
    sender: view.sender,
    senderDomain: view.domain,
    recipient: view.recipient,
    subject: found?.kind === 'text' ? found.value : undefined,
    messageId: found?.kind === 'message_id' ? found.value : undefined,
    from,
    to,
    hasLabel: view.label === undefined ? undefined : view.label === 'yes',
    sort: sortInput[view.sort],
    cursor: view.cursor,
  };
}

// Server issue paths (listMessages input names) → the URL keys a person sees and can fix.
const keyOfPath: Record<string, ViewKey> = { subject: 'q', messageId: 'q', senderDomain: 'domain', hasLabel: 'label', sort: 'sort' };

/** Validation issues from the server, phrased against the URL the person typed or pasted. */
export function issuesForView(view: ListView, issues: Issue[]): ViewIssue[] {
  return issues.map((issue) => {
    const key = keyOfPath[issue.path] ?? (issue.path as ViewKey);
    return { key, value: String(view[key] ?? ''), message: issue.message };
  });
}
