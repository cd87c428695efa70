import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { QueryProvider } from '@/lib/query/provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Triage', template: '%s · Triage' },
  description: 'Email-security investigation console',
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading headers makes every page render per request, which the CSP nonce (proxy.ts) needs:
  // a prerendered page would carry scripts without this request's nonce.
  await headers();
  return (
    <html lang="en">
      <body>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
