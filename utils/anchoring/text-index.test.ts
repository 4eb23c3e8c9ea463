import { describe, expect, it } from 'vitest';
import { createTextIndex, locateOffset } from './text-index';

describe('createTextIndex', () => {
  const index = createTextIndex(['The gen', '', 'eral du', 'ty']);

  it('concatenates segments and records where each starts', () => {
    expect(index.text).toBe('The general duty');
    expect(Array.from(index.starts)).toEqual([0, 7, 7, 14, 16]);
    expect(index.segmentCount).toBe(4);
  });

  it('folds lazily and only once', () => {
    expect(index.normalized()).toBe(index.normalized());
    expect(index.normalized().text).toBe('Thegeneralduty');
  });

  it('places a start boundary in the segment holding the character, skipping empty segments', () => {
    expect(locateOffset(index, 0, 'start')).toEqual({ segment: 0, offset: 0 });
    expect(locateOffset(index, 7, 'start')).toEqual({ segment: 2, offset: 0 });
    expect(locateOffset(index, 15, 'start')).toEqual({ segment: 3, offset: 1 });
  });

  it('places an end boundary at the end of the segment holding the previous character', () => {
    expect(locateOffset(index, 7, 'end')).toEqual({ segment: 0, offset: 7 });
    expect(locateOffset(index, 14, 'end')).toEqual({ segment: 2, offset: 7 });
    expect(locateOffset(index, 16, 'end')).toEqual({ segment: 3, offset: 2 });
  });

  it('clamps out-of-range offsets and handles an empty index', () => {
    expect(locateOffset(index, 99, 'start')).toEqual({ segment: 3, offset: 2 });
    expect(locateOffset(index, -5, 'start')).toEqual({ segment: 0, offset: 0 });
    expect(locateOffset(createTextIndex([]), 0, 'start')).toBeNull();
  });
});
