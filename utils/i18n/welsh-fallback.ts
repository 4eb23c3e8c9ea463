/**
 * Welsh dates, plurals and alphabetical order for browsers whose Intl has no Welsh data.
 * Chromium ships a reduced ICU set: there `new Intl.DateTimeFormat('cy')` silently gives
 * "December 2, 2026" and `Intl.Collator('cy')` sorts "ch" between "cg" and "ci". Node and
 * Firefox have full data and use Intl itself; translate.ts picks these only when
 * `supportedLocalesOf(['cy'])` says Intl lacks Welsh. The words are CLDR's for cy.
 */
import { dateFormat } from './date-formats';

const MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
const MONTHS_SHORT = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];
const WEEKDAYS = ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'];
const WEEKDAYS_SHORT = ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwen', 'Sad'];

/** Does this Intl service have real data for `locale` (not a silent fallback to English)? */
export function intlSpeaks(service: { supportedLocalesOf(locales: string[]): string[] }, locale: string): boolean {
  try {
    return service.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/**
 * A date in Welsh with British English's layout (the same order as Welsh: "2 Rhagfyr 2026",
 * "2 Rhagfyr 2026 am 10:15", 24-hour times), its month and weekday names in Welsh.
 */
export function formatWelshDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  const english = dateFormat('en-GB', options);
  const zone = english.resolvedOptions().timeZone;
  const month = Number(dateFormat('en-GB', { timeZone: zone, month: 'numeric' }).format(date)) - 1;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(dateFormat('en-US', { timeZone: zone, weekday: 'short' }).format(date));
  return english
    .formatToParts(date)
    .map((part) => {
      if (part.type === 'month' && !/^\d+$/.test(part.value)) {
        if (part.value.length <= 1) return MONTHS[month]!.charAt(0);
        return part.value.length <= 4 && part.value !== 'June' && part.value !== 'July' ? MONTHS_SHORT[month]! : MONTHS[month]!;
      }
      if (part.type === 'weekday') return part.value.length <= 3 ? WEEKDAYS_SHORT[weekday]! : WEEKDAYS[weekday]!;
      if (part.type === 'literal') return part.value.replace(/\bat\b/, 'am');
      if (part.type === 'dayPeriod') return /p/i.test(part.value) ? 'yh' : 'yb';
      return part.value;
    })
    .join('');
}

/** CLDR's Welsh plural categories: 0 zero, 1 one, 2 two, 3 few, 6 many, else other. */
export function welshPlural(count: number): Intl.LDMLPluralRule {
  if (!Number.isInteger(count)) return 'other';
  return ({ 0: 'zero', 1: 'one', 2: 'two', 3: 'few', 6: 'many' } as Record<number, Intl.LDMLPluralRule>)[count] ?? 'other';
}

/** The Welsh alphabet, in order: ch, dd, ff, ng, ll, ph, rh and th are letters of their own. */
const ALPHABET = ['a', 'b', 'c', 'ch', 'd', 'dd', 'e', 'f', 'ff', 'g', 'ng', 'h', 'i', 'j', 'k', 'l', 'll', 'm', 'n', 'o', 'p', 'ph', 'q', 'r', 'rh', 's', 't', 'th', 'u', 'v', 'w', 'x', 'y', 'z'];
const RANK = new Map(ALPHABET.map((letter, i) => [letter, i]));
const DIGRAPHS = new Set(ALPHABET.filter((l) => l.length === 2));

/** A string as Welsh letters (accents and case ignored), digit runs as numbers, for sorting. */
function welshKey(text: string): Array<number | string> {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const key: Array<number | string> = [];
  for (let i = 0; i < plain.length; ) {
    const digits = /^\d+/.exec(plain.slice(i));
    if (digits) {
      key.push(-1e9 + Number(digits[0])); // numbers before letters, in number order
      i += digits[0].length;
      continue;
    }
    const pair = plain.slice(i, i + 2);
    if (DIGRAPHS.has(pair)) {
      key.push(RANK.get(pair)!);
      i += 2;
      continue;
    }
    const ch = plain[i]!;
    key.push(RANK.get(ch) ?? (/[\s\p{P}]/u.test(ch) ? '' : 1000 + ch.codePointAt(0)!));
    i += 1;
  }
  return key.filter((k) => k !== '');
}

/** Welsh alphabetical order (base letters; ties broken by the plain code point order). */
export function compareWelsh(a: string, b: string): number {
  const ka = welshKey(a);
  const kb = welshKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const x = ka[i] as number;
    const y = kb[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ka.length - kb.length;
}
