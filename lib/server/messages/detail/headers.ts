import 'server-only';
import type { Address, ParsedMessage, ReceivedHop } from '@/lib/engine';

// The header summary and the Received chain, as plain data for the page.

export type AddressView = { name: string; address: string; domain: string };

export type HeaderSummary = {
  from: AddressView | null;
  sender: AddressView | null;
  replyTo: AddressView[];
  returnPath: AddressView | null;
  to: AddressView[];
  cc: AddressView[];
  subject: string;
  /** The Date header (ISO), as the sender claimed it. */
  date: string | null;
  messageId: string | null;
};

export type HopView = ReceivedHop & {
  /** 1 = the first server that received the message (bottom-most Received header). */
  step: number;
  /** Seconds since the previous hop; null when either date is missing. Negative = clock skew. */
  delaySeconds: number | null;
};

const view = (a: Address): AddressView => ({ name: a.name, address: a.address, domain: a.registrableDomain });

export function buildHeaderSummary(message: ParsedMessage): HeaderSummary {
  return {
    from: message.from ? view(message.from) : null,
    // Only worth showing when it differs from From (on-behalf-of sending).
    sender: message.sender && message.sender.address.toLowerCase() !== message.from?.address.toLowerCase() ? view(message.sender) : null,
    replyTo: message.replyTo.map(view),
    returnPath: message.returnPath ? view(message.returnPath) : null,
    to: message.to.map(view),
    cc: message.cc.map(view),
    subject: message.subject,
    date: message.date,
    messageId: message.messageId,
  };
}

/** Most relays are honest about their own hop only; shown oldest first, the way mail travelled. */
export function buildReceivedChain(hops: readonly ReceivedHop[], limit = 50): { hops: HopView[]; omitted: number } {
  const chronological = [...hops].reverse();
  const shown = chronological.slice(0, limit);
  return {
    hops: shown.map((hop, index) => {
      const previous = index > 0 ? shown[index - 1].date : null;
      const delaySeconds = previous && hop.date ? Math.round((Date.parse(hop.date) - Date.parse(previous)) / 1000) : null;
      return { ...hop, step: index + 1, delaySeconds };
    }),
    omitted: chronological.length - shown.length,
  };
}
