import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../utils/i18n/translate';
import { ApiError, msg, translateRefusal } from '../src/errors';
import { check } from '../src/validate';
import { RoleSchema } from '../../utils/model/roles';
import { schemaMessagesIn, schemaMessagesUnder } from './support/valibot-messages';

const SRC = resolve(import.meta.dirname, '../src');
const ROOT = resolve(import.meta.dirname, '../..');

/** Files another helper owns (their refusals are still plain English: see the report of issue 15). */
const NOT_OURS = ['db/migrations/'];

/**
 * Refusals still written in English in code, each with why. None is left: a new English
 * refusal anywhere fails this test.
 */
const STILL_ENGLISH: string[] = [];

/** Start-up messages for whoever runs the store (not refusals a person reads): English by design. */
const OPERATOR_ONLY = ['server/src/env.ts'];

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

describe('every message a schema gives is a catalogue key (said in the reader’s language wherever it is shown)', () => {
  const messages = [...schemaMessagesUnder(SRC, ROOT), ...schemaMessagesUnder(resolve(ROOT, 'utils/model'), ROOT)].filter((m) => !OPERATOR_ONLY.some((file) => m.where.startsWith(`${file}:`)));

  it('finds the schemas’ messages (the finder still sees them)', () => {
    expect(messages.length).toBeGreaterThan(80);
    expect(messages.some((m) => m.where.startsWith('server/src/routes/admin/admin.routes.ts:') && m.text === 'validation.groupName.text')).toBe(true);
    expect(messages.some((m) => m.where.startsWith('utils/model/conversation.ts:') && m.text === 'validation.reply.empty')).toBe(true);
  });

  it('gives valibot only catalogue keys as messages, each written as a literal (server/src, utils/model; not env.ts)', () => {
    const notKeys = messages.filter((m) => m.text === null || !isMessageKey(m.text)).map((m) => `${m.where} v.${m.fn}: ${m.text ?? '(not a literal)'}`);
    expect(notKeys).toEqual([]);
  });

  it('would catch an English message, a template or a name (the finder itself)', () => {
    const found = schemaMessagesIn('x.ts', "const A = v.pipe(v.string('Must be text.'), v.maxLength(9, `At most ${9}.`), v.regex(/x/, WORDS), v.minLength(1, 'validation.reply.empty'), v.literal('group'));");
    expect(found.map((m) => [m.fn, m.text])).toEqual([
      ['string', 'Must be text.'],
      ['maxLength', null],
      ['regex', null],
      ['minLength', 'validation.reply.empty'],
    ]);
  });

  it('says a schema refusal in English or Welsh, the field named as a parameter', () => {
    const refusal = (() => {
      try {
        check(RoleSchema, 'admin');
      } catch (error) {
        return error as ApiError;
      }
      throw new Error('RoleSchema took "admin"');
    })();
    expect(refusal.message).toBe('The request is not valid: The role must be "facilitator", "member" or "reader".');
    expect(translateRefusal(refusal.ref, 'cy')).toBe('Nid yw’r cais yn ddilys: Rhaid i’r rôl fod yn "facilitator", "member" neu "reader".');
  });
});
