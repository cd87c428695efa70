import 'server-only';

// The surface the rest of the app uses. Scripts and tests import the other modules directly.
export { db, getDb, createPrismaClient } from './client';
export type { PrismaClient } from './generated/client';
export { Prisma, Role } from './generated/client';
