import { describe, expect, it } from 'vitest';
import { dateFormat } from './date-formats';
import { translator } from './translate';

describe('dateFormat', () => {
  it('makes one formatter per locale and options, and formats as Intl does', () => {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    expect(dateFormat('en-GB', options)).toBe(dateFormat('en-GB', { ...options }));
    expect(dateFormat('en-GB', options)).not.toBe(dateFormat('en-GB', { ...options, month: 'short' }));
    expect(dateFormat('en-GB', options).format(Date.UTC(2026, 11, 3, 12))).toBe('3 December 2026');
  });

  it('keeps dates right in both languages when the same options come again', () => {
    const at = Date.UTC(2026, 11, 3, 12);
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    expect(translator('en-GB').formatDate(at, options)).toBe('3 December 2026');
    expect(translator('cy').formatDate(at, options)).toBe('3 Rhagfyr 2026');
    expect(translator('en-GB').formatDate(at, options)).toBe('3 December 2026');
  });
});
