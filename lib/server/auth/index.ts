import 'server-only';

// The auth surface other areas use. Operations take `ctx` and call `authorize` / `requireTenant`
// first; routes get ctx from `requireUser` (route handlers, actions) or `requirePageUser` (pages).
export { authorize, canUse, areaRoles, type Area, type Ctx, type Role } from './context';
export { getSession, requireUser, requirePageUser, loadForPage } from './require-user';
export { requireTenant, type TenantRef } from './require-tenant';
export { getClientAddress } from './client-address';
