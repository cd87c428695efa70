import { NextResponse, type NextRequest } from 'next/server';
import { isSameOrigin, isStateChanging } from '@/lib/server/http/same-origin';

// Runs before every route. Three jobs, all cheap and database-free:
//  1. security headers, with a per-request CSP nonce Next applies to its own scripts;
//  2. CSRF: state-changing requests (route handlers and server actions) must be same-origin;
//  3. an optimistic auth gate on the session cookie's presence — pages redirect to sign-in,
//     /api answers 401. The real check (valid, unexpired session; role; tenant grant) happens
//     on the server for every page, route handler and action: this only spares a render.

// Must match SESSION_COOKIE in lib/server/auth/cookie.ts (which is server-only, so not imported).
const SESSION_COOKIE = 'triage_session';

/** Reachable without a session. /api/v1 is reserved for token-authenticated routes. */
function isPublic(pathname: string): boolean {
  return pathname === '/sign-in' || pathname === '/api/health' || pathname.startsWith('/api/v1/');
}

// process.env.NODE_ENV is inlined at build time; lib/env is server-only and not for proxy code.
const isDev = process.env.NODE_ENV === 'development';

// The message preview document (lib/server/render) is the one response the console frames: its
// route sends the strict preview CSP (frame-ancestors 'self'), X-Frame-Options and Referrer-Policy.
// Headers set here would replace the route's, so for that path they are left to the route.
const previewPath = /^\/t\/[^/]+\/messages\/[^/]+\/preview$/;

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; no remote origin anywhere.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // React style attributes cannot carry a nonce, so inline styles (not scripts) stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function withSecurityHeaders(response: NextResponse, csp: string, isPreview = false): NextResponse {
  if (!isPreview) {
    response.headers.set('Content-Security-Policy', csp);
    response.headers.set('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: with no-referrer Chrome sends `Origin: null` on form posts,
    // which would break the same-origin check for plain (pre-hydration) form submissions.
    response.headers.set('Referrer-Policy', 'same-origin');
  }
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  return response;
}

function jsonError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const isApi = pathname === '/api' || pathname.startsWith('/api/');

  if (isStateChanging(request.method) && !isSameOrigin(request.headers)) {
    return withSecurityHeaders(
      jsonError(403, 'cross_origin', 'Cross-origin requests are not allowed. Reload the page and try again.'),
      csp,
    );
  }

  if (!isPublic(pathname) && !request.cookies.has(SESSION_COOKIE)) {
    if (isApi) return withSecurityHeaders(jsonError(401, 'unauthenticated', 'Sign in to continue.'), csp);
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/') signIn.searchParams.set('next', pathname + search);
    return withSecurityHeaders(NextResponse.redirect(signIn), csp);
  }

  // Next reads the nonce from the request's CSP header; x-triage-path lets server code build
  // a sign-in redirect back to this page when the cookie turns out to be stale.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-triage-path', pathname + search);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, previewPath.test(pathname));
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
