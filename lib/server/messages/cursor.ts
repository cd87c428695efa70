import 'server-only';
import { AppError } from '@/lib/errors';

// Keyset cursors: the sort key of the last row seen plus its id (the tie-breaker), as opaque
// base64url JSON. Offsets would make page 5,000 of a million rows scan 1M rows; keysets don't.

export type Cursor = { k: string | number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if ((typeof value.k === 'string' || typeof value.k === 'number') && typeof value.id === 'string' && /^[0-9a-f-]{36}$/.test(value.id)) return value;
  } catch {
    // fall through
  }
  throw new AppError('invalid_input', { issues: [{ path: 'cursor', message: 'Invalid cursor.' }] });
}
