import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/lib/browser';

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

export const artifactsDir = path.resolve(__dirname, '../artifacts');

/** A new page the size of a phone, in Chinese, collecting the page's uncaught errors. */
export async function openPhonePage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  fs.mkdirSync(artifactsDir, { recursive: true });
  return { page, pageErrors };
}
