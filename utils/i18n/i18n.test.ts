import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Message } from './catalogue';
import { manifestLocaleFiles } from './manifest-locales';
import { LOCALES, parseAcceptLanguage, pickLocale, resolveLocale } from './locales';
import { translator } from './translate';

const placeholders = (m: Message) =>
  [...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? [])].sort();

describe('the catalogue', () => {
  const english = CATALOGUES['en-GB'];
  it('has every key in every language, with words and the same placeholders', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale];
      for (const key of Object.keys(english) as Array<keyof typeof english>) {
        const message = catalogue[key];
        if (message === undefined) problems.push(`${locale}: ${key} is missing`);
        else if ((typeof message === 'string' ? message : message.other).trim() === '') problems.push(`${locale}: ${key} is empty`);
        else if (placeholders(message).join() !== placeholders(english[key]).join()) problems.push(`${locale}: ${key} has placeholders ${placeholders(message)} (English: ${placeholders(english[key])})`);
        else if (typeof message !== typeof english[key]) problems.push(`${locale}: ${key} is ${typeof message === 'string' ? 'not plural' : 'plural'} but English is not`);
      }
      for (const key of Object.keys(catalogue)) if (!(key in english)) problems.push(`${locale}: ${key} is not in English`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps each part’s keys under its own name (messages/<locale>/<part>.ts holds "<part>.…")', () => {
    for (const locale of LOCALES) {
      const folder = resolve(import.meta.dirname, 'messages', locale);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
        const part = file.replace(/\.ts$/, '');
        const keys = [...readFileSync(resolve(folder, file), 'utf8').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);
        expect(keys.filter((k) => !k.startsWith(`${part}.`)), `${locale}/${file}`).toEqual([]);
      }
    }
  });

  it('uses the Welsh plural forms Welsh needs: a plural message in Welsh has one and other', () => {
    const cy = CATALOGUES.cy;
    const bad = Object.entries(cy).filter(([, m]) => typeof m !== 'string' && !(m.one && m.other)).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('speaks Welsh for a Welsh reader and English otherwise', () => {
    expect(translator('cy').t('common.close')).toBe('Cau');
    expect(translator('en-GB').t('common.close')).toBe('Close');
  });

  it('writes dates in Welsh and sorts Welsh letters (ch after c, ll after l)', () => {
    const cy = translator('cy');
    expect(cy.formatDate(new Date('2026-12-02T12:00:00Z'), { dateStyle: 'long', timeZone: 'UTC' })).toBe('2 Rhagfyr 2026');
    expect(['llesiant', 'lwfans', 'chwarae', 'cymorth', 'cartref'].sort(cy.compare)).toEqual(['cartref', 'cymorth', 'chwarae', 'lwfans', 'llesiant']);
  });

  it('writes the manifest’s words into the browser’s _locales for both languages', () => {
    const files = manifestLocaleFiles();
    expect(files.map((f) => f.relativeDest).sort()).toEqual(['_locales/cy/messages.json', '_locales/en_GB/messages.json']);
    const cy = JSON.parse(files.find((f) => f.relativeDest.includes('/cy/'))!.contents) as Record<string, { message: string }>;
    expect(cy.manifest_name?.message).toBe('Anodydd Profiad Bywyd');
    expect(Object.keys(cy).every((k) => /^[A-Za-z0-9_]+$/.test(k))).toBe(true);
  });
});

describe('choosing the language', () => {
  it('reads Accept-Language by preference', () => {
    expect(parseAcceptLanguage('en-GB;q=0.8, cy;q=0.9, *;q=0.1')).toEqual(['cy', 'en-GB', '*']);
    expect(parseAcceptLanguage('cy;q=0, en')).toEqual(['en']);
    expect(parseAcceptLanguage('<script>, ;;; q=abc')).toEqual([]);
    expect(pickLocale(parseAcceptLanguage('fr-FR, cy-GB;q=0.5'))).toBe('cy');
    expect(pickLocale(parseAcceptLanguage('fr-FR'))).toBe('en-GB');
  });
  it('lets a person’s own choice win over the browser', () => {
    expect(resolveLocale('cy', ['en-GB'])).toBe('cy');
    expect(resolveLocale('browser', ['cy'])).toBe('cy');
    expect(resolveLocale(undefined, [])).toBe('en-GB');
  });
});

describe('plurals', () => {
  it('chooses Welsh plural forms by the Welsh rules', () => {
    const cy = translator('cy');
    expect(cy.t('common.commentCount', { count: 0 })).toBe('Dim sylwadau');
    expect(cy.t('common.commentCount', { count: 3 })).toBe('3 sylw');
    expect(translator('en-GB').t('common.commentCount', { count: 1 })).toBe('1 comment');
    expect(translator('en-GB').t('common.commentCount', { count: 1200 })).toBe('1,200 comments');
  });
});
