import { existsSync } from 'node:fs';
import { run } from './run';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Makes sure Debian's Chromium is installed, installing it with apt when we are root on
 * Debian/Ubuntu. Playwright's own browser download cannot work offline, so we never use it.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. Install it with: sudo apt-get install -y chromium ` +
        '(Debian/Ubuntu), then run npm test again.',
    );
  }
  console.error('Installing Chromium with apt-get (first run only)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0) throw new Error('apt-get update failed');
  if ((await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env })) !== 0) {
    throw new Error('apt-get install chromium failed');
  }
}
