// Received headers → hops. Kept as data for display and tracing only: signals must not key on
// which servers stamped them (the labelled corpora were received by different infrastructure).
import type { Header, ReceivedHop } from '../types';

const FROM = /\bfrom\s+([^\s;()]+)/i;
const BY = /\bby\s+([^\s;()]+)/i;
const IP = /\[((?:\d{1,3}\.){3}\d{1,3}|(?:IPv6:)?[0-9a-f:.]*:[0-9a-f:.]+)\]|\(((?:\d{1,3}\.){3}\d{1,3})\)|\b((?:\d{1,3}\.){3}\d{1,3})\b/i;

/** Parses one Received header value into from/by/ip/date. */
export function parseReceivedHop(value: string): ReceivedHop {
  const semi = value.lastIndexOf(';');
  const route = semi >= 0 ? value.slice(0, semi) : value;
  const byAt = route.search(/\bby\s/i);
  const fromPart = byAt >= 0 ? route.slice(0, byAt) : route;
  const ipMatch = IP.exec(fromPart);
  const ip = ipMatch ? (ipMatch[1] ?? ipMatch[2] ?? ipMatch[3] ?? '').replace(/^IPv6:/i, '') : '';
  let date: string | null = null;
  if (semi >= 0) {
    const t = Date.parse(value.slice(semi + 1).trim());
    if (!Number.isNaN(t)) date = new Date(t).toISOString();
  }
  return { from: FROM.exec(fromPart)?.[1] ?? '', by: BY.exec(route)?.[1] ?? '', ip, date };
}

/** Parses all Received headers, topmost (most recent) first. */
export function parseReceived(headers: Header[]): ReceivedHop[] {
  const hops: ReceivedHop[] = [];
  for (const h of headers) if (h.key === 'received') hops.push(parseReceivedHop(h.value));
  return hops;
}
