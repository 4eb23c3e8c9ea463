import { describe, expect, it } from 'vitest';
import { readBuiltManifest, type BuildTarget } from './support/paths';

/** The permissions each build asks for: the least the features need, plus unlimitedStorage. */
const EXPECTED: Record<BuildTarget, string[]> = {
  'chrome-mv3': ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'alarms', 'sidePanel'],
  'firefox-mv2': ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'alarms'],
};

// Built manifests (npm run build / build:firefox). unlimitedStorage keeps the browser from
// evicting the comments in IndexedDB when the disk runs low; it adds no install warning in
// Chrome or Firefox, and no other permission came with it.
describe.each(Object.keys(EXPECTED) as BuildTarget[])('the %s manifest', (target) => {
  it('asks the browser not to evict comments (unlimitedStorage), and nothing more than before', () => {
    const manifest = readBuiltManifest(target) as ReturnType<typeof readBuiltManifest> & { permissions?: string[] };
    expect(manifest.permissions).toContain('unlimitedStorage');
    // MV2 lists host patterns among the permissions; they are checked elsewhere (unchanged).
    const apiPermissions = (manifest.permissions ?? []).filter((p) => !p.includes('://'));
    expect(apiPermissions.sort()).toEqual([...EXPECTED[target]].sort());
  });

  it('asks for notifications only as an optional permission (turned on in Options)', () => {
    const manifest = readBuiltManifest(target) as ReturnType<typeof readBuiltManifest> & { permissions?: string[]; optional_permissions?: string[] };
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.permissions ?? []).not.toContain('notifications');
  });
});
