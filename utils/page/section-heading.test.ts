import { readFixture } from '../../tests/fixtures';
import { describe, expect, it } from 'vitest';
import { findSectionHeading } from './section-heading';

const fixture = readFixture;

describe('findSectionHeading', () => {
  it('finds the heading a passage sits under in the Care Act fixture', () => {
    document.documentElement.innerHTML = fixture('care-act-2014-part-1.html');
    const para = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('personal dignity'))!;
    expect(findSectionHeading(document.body, para.firstChild!)).toBe('1 Promoting individual well-being');
    const later = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('reduce the needs for support of carers'));
    expect(findSectionHeading(document.body, later!.lastChild!)).toBe('2 Preventing needs for care and support');
  });

  it('returns undefined before any heading', () => {
    document.body.innerHTML = '<p>Intro</p><h2>Later</h2>';
    expect(findSectionHeading(document.body, document.querySelector('p')!)).toBeUndefined();
  });
});
