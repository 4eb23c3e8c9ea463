import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals, findLiteralsInSource } from '../support/find-literal-strings';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, test: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...filesUnder(path, test));
    else if (test(path)) out.push(path);
  }
  return out;
}

const notTest = (f: string) => !/\.test\.tsx?$/.test(f) && !f.includes('test-support');

/** Every file that puts words in front of people: the UI, and the utils that write sentences. */
export const UI_FILES = [
  ...filesUnder('components', (f) => f.endsWith('.tsx') && notTest(f)),
  ...filesUnder('entrypoints', (f) => /\.tsx?$/.test(f) && notTest(f)),
  ...filesUnder('server/webapp', (f) => f.endsWith('.tsx') && notTest(f)),
];

describe('words people see come from the catalogue', () => {
  it('finds a literal when there is one (the check itself works)', () => {
    const found = findLiteralsInSource('x.tsx', `export const A = () => <p title="Show comments">Saved <b>{t('common.saved')}</b></p>;\nconst m = 'Your comment could not be sent.';\nconst c = <div class="p-2 text-sm">{t('common.close')}</div>;\nif (e.key === 'Escape') close();\nswitch (e.key) { case 'Enter': break; }`);
    expect(found.map((l) => l.text)).toEqual(['Show comments', 'Saved', 'Your comment could not be sent.']);
  });

  it('has no literal English in any component, entry point or web app page', () => {
    const found = findLiterals(UI_FILES).map((l) => `${relative(root, resolve(root, l.file))}:${l.line}: ${l.text}`);
    expect(found).toEqual([]);
  });
});
