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
  it('stays within our budget of 450 KB for everything, main package and sub-packages together (WeChat refuses a package over 2 MB)', () => {
    // Measured: 338 KB for the walking skeleton (Taro's runtime and React are most of it);
    // 430 KB with sign-in, booking, the ticket page and its QR encoder, and the profile sub-package.
    expect(shippedBytes(weappDist)).toBeLessThan(450 * KB);
  });

  it('keeps pages visited once or twice (完善资料) in sub-packages, out of the main package', () => {
    expect(subPackageRoots.map((root) => path.relative(weappDist, root))).toContain('packages/profile');
    for (const root of subPackageRoots) {
      expect(fs.existsSync(path.join(root, 'index.js'))).toBe(true);
      expect(shippedBytes(root)).toBeLessThan(2048 * KB);
    }
    const main = shippedBytes(weappDist, new Set(subPackageRoots));
    expect(main).toBeLessThan(450 * KB);
  });

  it('keeps the ticket page where subscribe messages send readers: pages/ticket/index, in the main package', () => {
    expect(fs.existsSync(path.join(weappDist, 'pages/ticket/index.js'))).toBe(true);
  });
});
