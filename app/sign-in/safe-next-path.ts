/**
 * Where to go after sign-in. Only local paths: "//evil.example" and "/\evil.example" are
 * protocol-relative in browsers, so they are refused (open-redirect guard).
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value.slice(0, 2048);
}
