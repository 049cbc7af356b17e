import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser';

export { launchChromium };

export const artifactsDir = path.resolve(__dirname, '../artifacts');

/** A new page the size of a phone, in Chinese, collecting the page's uncaught errors. */
export async function openPhonePage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  fs.mkdirSync(artifactsDir, { recursive: true });
  return { page, pageErrors };
}
