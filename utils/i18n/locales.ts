/**
 * The languages the product speaks, and how a person's language is chosen: their own setting
 * first, then what their browser (or its Accept-Language header) asks for, then English.
 */

export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-GB';

/** Each language's name in itself, so a person finds their own whatever language is showing. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { 'en-GB': 'English', cy: 'Cymraeg' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale a language tag (cy, cy-GB, en, en-US, …) asks for, or null for one we do not speak. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'cy') return 'cy';
  if (primary === 'en') return 'en-GB';
  return null;
}

/** The first of `preferences` (most wanted first) that we speak; English when none is. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language tags of an Accept-Language header, most wanted first (by q, then order); tags
 * with q=0 are refused and left out. Malformed parts are skipped, never an error.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const parts: Array<{ tag: string; q: number; at: number }> = [];
  header.split(',').forEach((part, at) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$|^\*$/.test(tag)) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (Number.isFinite(q) && q > 0) parts.push({ tag, q, at });
  });
  return parts.sort((a, b) => b.q - a.q || a.at - b.at).map((p) => p.tag);
}

/** A person's choice in settings: follow the browser, or one language. */
export type LanguageChoice = 'browser' | Locale;

/** The locale to show: the person's choice, or the browser's languages when they chose "browser". */
export function resolveLocale(choice: LanguageChoice | undefined, browserLanguages: readonly string[]): Locale {
  return choice && choice !== 'browser' ? choice : pickLocale(browserLanguages);
}
