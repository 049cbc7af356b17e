import fs from 'node:fs';
import path from 'node:path';
import { weappDist } from '../helpers/weapp';

/** Bytes WeChat would ship: every file of the build but license notices and our build stamp. */
function shippedBytes(dir: string, skip: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    if (entry.isDirectory()) total += shippedBytes(full, skip);
    else if (!entry.name.endsWith('.LICENSE.txt') && entry.name !== '.build-inputs') total += fs.statSync(full).size;
  }
  return total;
}

const KB = 1024;
const appJson = JSON.parse(fs.readFileSync(path.join(weappDist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
const subPackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => path.join(weappDist, sub.root));

describe('the weapp package', () => {
  // WeChat refuses a main package over 2 MB and a whole app over 20 MB; ours are far smaller on
  // purpose: the main package is what an older phone downloads before the first page shows.
  it('keeps the main package, what the first start downloads, under 450 KB', () => {
    // Measured: 338 KB for the walking skeleton (Taro's runtime and React are most of it); 411 KB
    // with sign-in, booking, the ticket page and its QR encoder; 427 KB with the course entry, the
    // feedback form and the lecturer, learning and review areas' entries (their query strings ship
    // in their own sub-packages, see miniapp/codegen.ts).
    expect(shippedBytes(weappDist, new Set(subPackageRoots))).toBeLessThan(450 * KB);
  });

  // The organizer package carries the dashboard's chart library (uCharts, ~125 KB), drawn only there;
  // WeChat's limit is 2 MB a package, ours stays far below it.
  const budgets: Record<string, number> = { 'packages/organizer': 300 * KB };

  it('keeps pages visited once or twice in sub-packages of at most 200 KB each (300 KB with charts), 1 MB in all', () => {
    expect(subPackageRoots.map((root) => path.relative(weappDist, root)).sort()).toEqual(
      ['packages/learning', 'packages/lecturer', 'packages/organizer', 'packages/profile'],
    );
    for (const root of subPackageRoots) {
      expect(fs.existsSync(path.join(root, 'index.js'))).toBe(true);
      // Measured: lecturer 134 KB (door check-in, roster, course and lecture editors), learning 73 KB,
      // organizer 250 KB (review queue, five-venue dashboard with charts, drill-down, targets, venues).
      expect(shippedBytes(root)).toBeLessThan(budgets[path.relative(weappDist, root)] ?? 200 * KB);
    }
    // Measured: 681 KB before the organizer dashboard, 932 KB with it.
    expect(shippedBytes(weappDist)).toBeLessThan(1024 * KB);
  });

  it('keeps the ticket page where subscribe messages send readers: pages/ticket/index, in the main package', () => {
    expect(fs.existsSync(path.join(weappDist, 'pages/ticket/index.js'))).toBe(true);
  });
});
