import 'server-only';
import { AppError } from '@/lib/errors';
import type { ListSort } from './list-input';

// Keyset cursors: the sort key of a row at the page edge plus its id (the tie-breaker), the sort
// they belong to and the direction to read, as opaque base64url JSON. Offsets would make page
// 5,000 of a million rows scan 1M rows; keysets don't.
//
// The key is checked against the sort before it reaches SQL: a received-date cursor pasted onto
// a score-sorted URL would otherwise become a cast error (a 500) instead of a clear message.

export type CursorDirection = 'next' | 'prev';
export type Cursor = { k: string | number; id: string; s: ListSort; d: CursorDirection };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, sort: ListSort): Cursor {
  let value: Partial<Cursor> | null = null;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    // reported below
  }
  if (value && typeof value === 'object' && typeof value.id === 'string' && uuid.test(value.id) && (value.d === 'next' || value.d === 'prev')) {
    if (value.s !== sort) throw invalid('This page link belongs to another sort order. Start again from the first page.');
    const keyOk = sort === 'score_desc' ? typeof value.k === 'number' && Number.isFinite(value.k) : typeof value.k === 'string' && !Number.isNaN(Date.parse(value.k));
    if (keyOk) return value as Cursor;
  }
  throw invalid('This page link is damaged or out of date. Start again from the first page.');
}

function invalid(message: string) {
  return new AppError('invalid_input', { userMessage: message, issues: [{ path: 'cursor', message }] });
}
