import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../utils/i18n/translate';
import { ApiError, msg, translateRefusal } from '../src/errors';

const SRC = resolve(import.meta.dirname, '../src');

/** Files another helper owns (their refusals are still plain English: see the report of issue 15). */
const NOT_OURS = ['db/migrations/'];

/**
 * Refusals still written in English in code, each with why: they put together words from
 * several places (valibot issues, character descriptions) and move to the catalogue next.
 * A new English refusal anywhere else fails this test.
 */
const STILL_ENGLISH = [
  'validate.ts: ${CHECKED_THING_WORDS[what]} is not vali',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const FILES = sources(SRC)
  .map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }))
  .filter((f) => !NOT_OURS.some((prefix) => f.name.startsWith(prefix)));

describe('every refusal the store sends comes from the catalogue', () => {
  it('names only keys that are in the catalogue (every "server.…" in server/src)', () => {
    const unknown = FILES.flatMap((f) => [...f.text.matchAll(/'(server\.[A-Za-z0-9.]+)'/g)].map((m) => m[1]!).filter((k) => !isMessageKey(k)).map((k) => `${f.name}: ${k}`));
    expect(unknown).toEqual([]);
  });

  it('writes no English sentence as the message of a new ApiError or a role refusal', () => {
    const english: string[] = [];
    for (const f of FILES) {
      for (const m of f.text.matchAll(/new ApiError\(\s*\d{3},\s*'[a-z-]+',\s*(['"`])([^'"`]*)/g)) {
        if (!m[2]!.startsWith('server.')) english.push(`${f.name}: ${m[2]!.slice(0, 40)}`);
      }
      for (const m of f.text.matchAll(/requireAbility\([^,]+,\s*(['"`])([^'"`]*)/g)) {
        if (!m[2]!.startsWith('server.')) english.push(`${f.name}: ${m[2]!.slice(0, 40)}`);
      }
    }
    expect(english.sort()).toEqual([...STILL_ENGLISH].sort());
  });

  it('keeps the English wording in error.message for logs, and says a refusal in Welsh for a Welsh reader', () => {
    const error = new ApiError(403, 'forbidden', ['server.cannotReply', 'server.roleMember']);
    expect(error.message).toBe('You cannot reply in this group. As a member you can comment, reply and say "This is my experience too".');
    expect(translateRefusal(error.ref, 'cy')).toBe('Ni allwch chi ateb yn y grŵp hwn. Fel aelod gallwch chi roi sylw, ateb a dweud "Dyma fy mhrofiad i hefyd".');
    expect(translateRefusal(msg('server.limitRange', { max: 500 }), 'cy')).toBe('Rhaid i "limit" fod yn rhif cyfan o 1 i 500.');
    expect(translateRefusal('Plain words from code not yet moved', 'cy')).toBe('Plain words from code not yet moved');
  });
});
