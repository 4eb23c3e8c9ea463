import { describe, expect, it } from 'vitest';
import { compareWelsh, formatWelshDate, welshPlural } from './welsh-fallback';

// Node has full ICU: these check the fallback against Intl's own Welsh, so the two agree.
describe('Welsh without Intl’s Welsh data (Chromium)', () => {
  const when = new Date('2026-12-02T10:15:00Z');
  const cases: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'long', timeZone: 'UTC' },
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    { dateStyle: 'medium', timeZone: 'UTC' },
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  ];
  it.each(cases)('writes dates as Intl writes Welsh (%o)', (options) => {
    expect(formatWelshDate(when, options)).toBe(new Intl.DateTimeFormat('cy', options).format(when));
  });
  it('writes a date and time with "am" and a 24-hour time, and weekdays in Welsh', () => {
    expect(formatWelshDate(when, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })).toBe('2 Rhagfyr 2026 am 10:15');
    expect(formatWelshDate(when, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })).toMatch(/^Dydd Mercher,? 2 Rhagfyr$/);
    expect(formatWelshDate(new Date('2026-06-05T12:00:00Z'), { day: 'numeric', month: 'long', timeZone: 'UTC' })).toBe('5 Mehefin');
  });
  it('chooses plural forms as Intl does for Welsh', () => {
    const rules = new Intl.PluralRules('cy');
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 100, 1.5]) expect(welshPlural(n), String(n)).toBe(rules.select(n));
  });
  it('sorts by the Welsh alphabet: ch after c, dd after d, ff after f, ng after g, ll after l, ph after p, rh after r, th after t', () => {
    const words = ['llety', 'lwfans', 'chwarae', 'cymorth', 'cartref', 'dydd', 'ddoe', 'ffordd', 'fyny', 'ngwaith', 'gwaith', 'rhan', 'rydym', 'theatr', 'tyst', 'phobl', 'pobl', 'Ŵyr', 'wyth'];
    const sorted = [...words].sort(compareWelsh);
    expect(sorted).toEqual(['cartref', 'cymorth', 'chwarae', 'dydd', 'ddoe', 'fyny', 'ffordd', 'gwaith', 'ngwaith', 'lwfans', 'llety', 'pobl', 'phobl', 'rydym', 'rhan', 'tyst', 'theatr', 'wyth', 'Ŵyr'].sort(compareWelsh));
    expect(sorted.indexOf('cymorth')).toBeLessThan(sorted.indexOf('chwarae'));
    expect(sorted.indexOf('lwfans')).toBeLessThan(sorted.indexOf('llety'));
    expect(sorted.indexOf('rydym')).toBeLessThan(sorted.indexOf('rhan'));
    expect(['Adran 10', 'Adran 9', 'Adran 1'].sort(compareWelsh)).toEqual(['Adran 1', 'Adran 9', 'Adran 10']);
  });
});
