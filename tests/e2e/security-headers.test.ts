/**
 * The H5 build runs under the server's Content-Security-Policy (issue 6, item 1): in headless
 * Chromium the lecture list and a lecture's detail load with zero CSP violations, while an inline
 * script the build did not ship is blocked (so the policy is really enforced, and the listener
 * really hears violations).
 */
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../server/src/config';
import { launchChromium, openPhonePage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

describe('the H5 build under the security headers', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // As in production: introspection off (the API then also answers with its strictest headers).
    server = await startTestServer({ label: 'security-headers', config: { security: { ...loadConfig({}).security, introspection: false } } });
    browser = await launchChromium();
    ({ page, pageErrors } = await openPhonePage(browser));
    // Before any script of the page: every violation the browser reports, from the first byte.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample });
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const violations = () => page.evaluate(() => window.__cspViolations);

  it('serves / with a Content-Security-Policy, and the lecture list loads with no violation', async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).toMatch(/connect-src 'self'/);

    await page.locator('.lecture-card').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.lecture-card').count()).toBeGreaterThan(0);
    // The rem sizing script inline in index.html ran (its hash is in the CSP): the root font size is set.
    await expect(page.evaluate(() => document.documentElement.style.fontSize)).resolves.toMatch(/px$/);

    await expect(violations()).resolves.toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a lecture’s detail page (navigation, fonts, images, the API) also loads with no violation', async () => {
    const title = (await page.locator('.lecture-card__title').first().innerText()).trim();
    await page.locator('.lecture-card').first().click();
    await page.locator('.lecture-detail__title', { hasText: title }).waitFor({ timeout: 30_000 });
    await expect(violations()).resolves.toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('an inline script the build did not ship is blocked and reported', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
    });
    const reported = await waitFor(async () => (await violations()).find((v) => v.directive.startsWith('script-src')), 'a script-src violation');
    expect(reported.blockedURI).toBe('inline');
    await expect(page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).resolves.toBeUndefined();
  });
});
