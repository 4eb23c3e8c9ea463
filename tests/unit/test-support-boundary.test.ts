// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const PRODUCTION = ['utils', 'components', 'entrypoints', 'server/src'];

/** Every production source file: TypeScript under the production folders, minus tests and their case tables. */
function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$|-cases\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('test support stays out of the product', () => {
  it('keeps test helpers under tests/ and server/test/, and no production module imports them', () => {
    const files = PRODUCTION.flatMap((d) => productionFiles(join(root, d)));
    expect(files.length).toBeGreaterThan(100);
    const helpers = files.filter((f) => /(test-support|test-helpers|test-dataset|fake-)/.test(f)).map((f) => relative(root, f));
    expect(helpers, 'test helpers in production folders').toEqual([]);
    const importers = files.filter((f) => /from\s+['"][^'"]*(\/tests\/|\/test\/|test-support|fake-store)/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(importers, 'production modules importing test support').toEqual([]);
  });
});
