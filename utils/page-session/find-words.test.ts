import { describe, expect, it } from 'vitest';
import { findWords } from './find-words';

const TEXT = 'The general duty of a local authority is to promote that individual’s\n  well-being. Personal   dignity matters; personal dignity (including treatment).';

describe('findWords', () => {
  it('finds every match ignoring case, spacing and typographic apostrophes, with context', () => {
    const { matches, total } = findWords(TEXT, "personal dignity");
    expect(total).toBe(2);
    expect(matches.map((m) => TEXT.slice(m.start, m.end))).toEqual(['Personal   dignity', 'personal dignity']);
    expect(matches[0]!.match).toBe('Personal dignity');
    expect(matches[1]!.after).toContain('(including treatment)');
    expect(findWords(TEXT, "individual's well-being").matches.map((m) => TEXT.slice(m.start, m.end))).toEqual(['individual’s\n  well-being']);
  });

  it('needs two letters, and caps the list while counting all', () => {
    expect(findWords(TEXT, 'a')).toEqual({ matches: [], total: 0 });
    const capped = findWords(TEXT, 'al', 1);
    expect(capped.matches).toHaveLength(1);
    expect(capped.total).toBeGreaterThan(1);
  });
});
