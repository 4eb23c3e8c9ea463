/**
 * Looking up what a person reads: `t(key, params)` in one locale, with `{name}` placeholders
 * and plural forms chosen by the language's own rules (Welsh has six: zero, one, two, few,
 * many, other), plus dates and sorting through `Intl` in that locale.
 *
 * Why not the browser's `chrome.i18n.getMessage`: it only ever speaks the browser's language
 * (people here choose theirs in settings), it has no plurals, and the web app, digests and
 * store use the same catalogue outside any extension. The manifest's `_locales` are written
 * from this catalogue at build time (see manifest-locales.ts).
 */
import { CATALOGUES, type MessageKey, type Message, type PluralMessage } from './catalogue';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { compareWelsh, formatWelshDate, intlSpeaks, welshPlural } from './welsh-fallback';
import { dateFormat } from './date-formats';

/**
 * What fills a message's `{name}` placeholders: text, a number, or another message, said in
 * the same language (a refusal names "text" or "a list" in the reader's words).
 */
export type MessageParams = Readonly<Record<string, string | number | MessageRef>>;

/** A message to show later, in whatever language the person then reads: safe to send between contexts. */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface Translator {
  locale: Locale;
  t: Translate;
  /** A message carried as data (from the background, the store, a saved notice). */
  tr(ref: MessageRef): string;
  /** A date (or date and time) written the way the language writes it. */
  formatDate(date: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  /** A number with the language's separators. */
  formatNumber(value: number): string;
  /** Compare two strings in the language's alphabetical order (Welsh: ch after c, ll after l …). */
  compare(a: string, b: string): number;
}

function isPlural(message: Message): message is PluralMessage {
  return typeof message === 'object';
}

function fill(text: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const cache = new Map<Locale, Translator>();

/** The translator for `locale` (made once, then shared). */
export function translator(locale: Locale): Translator {
  const known = cache.get(locale);
  if (known) return known;
  const catalogue = CATALOGUES[locale];
  const fallback = CATALOGUES[DEFAULT_LOCALE];
  // A browser without Welsh locale data (Chromium's reduced ICU) would answer in English
  // silently: Welsh then comes from welsh-fallback.ts.
  const welsh = locale === 'cy';
  const pluralRules = new Intl.PluralRules(locale);
  const plurals = { select: welsh && !intlSpeaks(Intl.PluralRules, 'cy') ? welshPlural : (n: number) => pluralRules.select(n) };
  const numbers = new Intl.NumberFormat(locale);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const compare = welsh && !intlSpeaks(Intl.Collator, 'cy') ? compareWelsh : collator.compare;
  const welshDates = welsh && !intlSpeaks(Intl.DateTimeFormat, 'cy');
  // A parameter that is itself a message is said first, in this language.
  const said = (params: MessageParams | undefined) =>
    params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? t(value.key, value.params) : value]));
  const t: Translate = (key, params) => {
    const message: Message | undefined = catalogue[key] ?? fallback[key];
    if (message === undefined) return key;
    const values = said(params);
    if (!isPlural(message)) return fill(message, values);
    const count = Number(values?.count ?? 0);
    const form = plurals.select(count) as keyof PluralMessage;
    const text = message[form] ?? message.other;
    return fill(text, { ...values, count: numbers.format(count) });
  };
  const made: Translator = {
    locale,
    t,
    tr: (ref) => t(ref.key, ref.params),
    formatDate: (date, options = { dateStyle: 'long' }) =>
      welshDates ? formatWelshDate(new Date(date), options) : dateFormat(locale, options).format(new Date(date)),
    formatNumber: (value) => numbers.format(value),
    compare,
  };
  cache.set(locale, made);
  return made;
}

/** True when `key` is a message in the catalogue (for data that arrives from outside). */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(CATALOGUES[DEFAULT_LOCALE], key);
}
