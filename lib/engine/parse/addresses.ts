// postal-mime address objects → the engine's Address (groups flattened, domains resolved).
import { addressParser, type Address as MimeAddress } from 'postal-mime';
import type { Address } from '../types';
import { getRegistrableDomain } from './domains';

/** Builds an Address from a display name and an address string. */
export function toAddress(name: string, address: string): Address {
  const clean = address.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = clean.lastIndexOf('@');
  const domain = at >= 0 ? clean.slice(at + 1).replace(/[>\s]+$/, '') : '';
  return { name: name.trim(), address: clean, domain, registrableDomain: domain ? getRegistrableDomain(domain) : '' };
}

/** Flattens postal-mime addresses (and groups) into Addresses, skipping empty ones. */
export function toAddresses(list: MimeAddress[] | MimeAddress | undefined): Address[] {
  if (!list) return [];
  const out: Address[] = [];
  for (const entry of Array.isArray(list) ? list : [list]) {
    if (entry.group) {
      for (const member of entry.group) if (member.address) out.push(toAddress(member.name, member.address));
    } else if (entry.address) {
      out.push(toAddress(entry.name, entry.address));
    }
  }
  return out;
}

/**
 * The From mailbox, tolerant of the malformed lists phishers send ("Brand, <a@x>", "Name,_<a@x>"):
 * the first entry with an address wins, and display names of address-less entries before it
 * become its name. `malformed` says the header did not hold exactly one proper mailbox.
 */
export function parseFromHeader(value: string | undefined): { from: Address | null; malformed: boolean } {
  if (!value) return { from: null, malformed: false };
  let entries: MimeAddress[];
  try {
    entries = addressParser(value, { flatten: true });
  } catch {
    return { from: null, malformed: true };
  }
  const names: string[] = [];
  for (const e of entries) {
    const own = (e.name ?? '').replace(/^[\s,_.;:-]+|[\s,_.;:-]+$/g, '');
    if (e.address && e.address.includes('@')) {
      const name = own || names.join(' ');
      return { from: toAddress(name, e.address), malformed: entries.length !== 1 };
    }
    if (own) names.push(own);
  }
  return { from: null, malformed: true };
}
