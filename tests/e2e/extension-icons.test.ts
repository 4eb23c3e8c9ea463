import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { repoRoot as REPO_ROOT } from './support/paths';

/** Width and height of a PNG, read from its IHDR chunk (bytes 16-23). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)], 'a PNG file').toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type IconMap = Record<string, string>;

/** Every icon a manifest names: the extension's icons and the toolbar button's. */
function namedIcons(manifest: { icons?: IconMap; action?: { default_icon?: IconMap }; browser_action?: { default_icon?: IconMap } }) {
  const button = manifest.action?.default_icon ?? manifest.browser_action?.default_icon;
  return { icons: manifest.icons ?? {}, button: button ?? {} };
}

/** Check that each named icon is a square PNG of the size its key says, read through `read`. */
function expectIconsPresent(manifest: Parameters<typeof namedIcons>[0], read: (path: string) => Uint8Array | undefined, where: string) {
  const { icons, button } = namedIcons(manifest);
  expect(Object.keys(icons), `${where}: manifest "icons" has the 128 px icon the stores require`).toContain('128');
  expect(Object.keys(button).length, `${where}: the toolbar button names its icons`).toBeGreaterThan(0);
  for (const [size, path] of [...Object.entries(icons), ...Object.entries(button)]) {
    const bytes = read(path);
    expect(bytes, `${where}: ${path} exists`).toBeDefined();
    expect(pngSize(bytes!), `${where}: ${path} is ${size}×${size}`).toEqual({ width: Number(size), height: Number(size) });
  }
}

const BUILDS = [
  { browser: 'chrome', dir: 'chrome-mv3' },
  { browser: 'firefox', dir: 'firefox-mv2' },
] as const;

describe('extension icons', () => {
  for (const { browser, dir } of BUILDS) {
    it(`the ${browser} build and its store zip carry every icon the manifest names`, () => {
      // A separate mode builds into .output/<dir>-icons-check, so the e2e build in .output/<dir> is untouched.
      execFileSync('npx', ['wxt', 'zip', '-b', browser, '-m', 'icons-check'], { cwd: REPO_ROOT, stdio: 'pipe' });
      const built = join(REPO_ROOT, '.output', `${dir}-icons-check`);
      const manifest = JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8'));
      expectIconsPresent(manifest, (path) => new Uint8Array(readFileSync(join(built, path))), `${dir} build`);

      const zipName = readdirSync(join(REPO_ROOT, '.output')).find((f) => f.endsWith(`-${browser}.zip`));
      expect(zipName, `a ${browser} zip in .output`).toBeDefined();
      const files = unzipSync(new Uint8Array(readFileSync(join(REPO_ROOT, '.output', zipName!))));
      const zipped = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      expectIconsPresent(zipped, (path) => files[path], `${browser} zip`);
    });
  }
});
