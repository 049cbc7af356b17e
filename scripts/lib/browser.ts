/** Debian's Chromium and CJK fonts for the H5 tests: installed with apt-get when we are root. */
import fs from 'node:fs';
import { capture, run, say } from './run';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'fonts-noto-cjk'];

async function hasCjkFont(): Promise<boolean> {
  const fonts = await capture('fc-list', [':lang=zh-cn', 'family']);
  return Boolean(fonts && fonts.trim());
}

export async function ensureBrowser(): Promise<void> {
  if (fs.existsSync(chromiumPath) && (await hasCjkFont())) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`the H5 tests need Chromium and Chinese fonts; run as root: sudo sh -c '${command}'`);
  }
  say(`Installing ${APT_PACKAGES.join(' and ')} from Debian's packages for the browser tests…`);
  await run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * Debian's Chromium, headless, with the flags this closed network needs. Playwright gives every
 * launch a fresh temporary profile of its own (it refuses a --user-data-dir argument).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
