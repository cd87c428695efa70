import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/server/http/respond';

// Unknown /api paths answer the JSON wire format, not the HTML 404 page. Specific routes win
// over this catch-all, so features add their own files without touching it.
function notFound(): Response {
  return errorResponse(new AppError('not_found', { userMessage: 'No such API route.' }));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
