import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, found from this file so tests work from any cwd or clone. */
export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The WXT build targets the end-to-end tests load. */
export type BuildTarget = 'chrome-mv3' | 'firefox-mv2';

const buildCommand: Record<BuildTarget, string> = {
  'chrome-mv3': 'npm run build',
  'firefox-mv2': 'npm run build:firefox',
};

/**
 * Absolute path of the built extension for `target` (`.output/<target>`).
 * Throws an Error naming the build command when the build output (its manifest) is missing.
 */
export function builtExtensionDir(target: BuildTarget): string {
  const dir = path.join(repoRoot, '.output', target);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dir} (manifest.json missing): run ${buildCommand[target]} first ` +
        '(npm run test:e2e builds both targets before running the tests).',
    );
  }
  return dir;
}

/** The built extension's manifest.json for `target`, parsed (only the fields tests read are typed). */
export function readBuiltManifest(target: BuildTarget): BuiltManifest {
  return JSON.parse(readFileSync(path.join(builtExtensionDir(target), 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** The manifest fields the end-to-end tests look at. */
export interface BuiltManifest {
  name: string;
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { matches: string[]; js?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}
