import { describe, expect, it } from 'vitest';
import { diffSide, hasChanges, MAX_EDITS, wordDiff, type WordRun } from './word-diff';

const show = (runs: WordRun[]) => runs.map((r) => `${r.kind === 'same' ? '=' : r.kind === 'removed' ? '-' : '+'}${r.text}`);

describe('wordDiff', () => {
  it.each<[string, string, string, string[]]>([
    ['identical', 'to promote that individual’s well-being.', 'to promote that individual’s well-being.', ['=to promote that individual’s well-being.']],
    ['quote marks and whitespace only: no change, the page\'s spelling', 'that individual’s  well-being.', "that individual's well-being.", ["=that individual's well-being."]],
    ['a word replaced', 'the general duty of a local authority', 'the general duty of every local authority', ['=the general duty of', '-a', '+every', '=local authority']],
    ['a word added at the end', 'personal dignity', 'personal dignity (including treatment)', ['=personal dignity', '+(including treatment)']],
    ['a word removed at the start', 'In this Part the general duty', 'the general duty', ['-In this Part', '=the general duty']],
    [
      'Bill line number dropped, "(1) The" becomes "(1)The"',
      '(1) The general duty of a local authority, in exercising a function under this Part in\n5\nthe case of an individual',
      '(1)The general duty of a local authority, in exercising a function under this Part in the case of an individual',
      ['=(1)The general duty of a local authority, in exercising a function under this Part in', '-5', '=the case of an individual'],
    ],
    [
      'Bill 1(2)(d) where the Act adds "it is provided);"',
      'the way in which\n(e) participation in work',
      'the way in which it is provided);\n(e)participation in work',
      ['=the way in which', '+it is provided);', '=(e)participation in work'],
    ],
    ['all new', 'abc def', 'xyz', ['-abc def', '+xyz']],
    ['old empty', '', 'new words', ['+new words']],
    ['new empty', 'old words', '', ['-old words']],
    ['both empty', '', '', []],
    ['hyphenated word is one word', 'well-being', 'wellbeing', ['-well-being', '+wellbeing']],
    ['case matters', 'Local authority', 'local authority', ['-Local', '+local', '=authority']],
  ])('%s', (_name, before, after, expected) => {
    expect(show(wordDiff(before, after))).toEqual(expected);
  });

  it('each side reads back as its own words', () => {
    const before = 'The general duty of a local authority, in exercising a function under this Part in\n5\nthe case of an individual';
    const after = 'The general duty of every local authority, when exercising a function under this Part in the case of a person';
    const runs = wordDiff(before, after);
    expect(diffSide(runs, 'old')).toBe(before.replace(/\s+/g, ' '));
    expect(diffSide(runs, 'new')).toBe(after);
    expect(hasChanges(runs)).toBe(true);
    expect(hasChanges(wordDiff(after, after))).toBe(false);
  });

  it('is a shortest script: random 5% word edits on a long passage cost at most two runs each', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = Array.from({ length: 400 }, (_, i) => `w${i % 97}x${Math.floor(rand() * 5)}`);
    const edited = words.map((w) => (rand() < 0.05 ? `${w}Z` : w));
    const changed = edited.filter((w, i) => w !== words[i]).length;
    const runs = wordDiff(words.join(' '), edited.join(' '));
    expect(diffSide(runs, 'old')).toBe(words.join(' '));
    expect(diffSide(runs, 'new')).toBe(edited.join(' '));
    const removedWords = runs.filter((r) => r.kind === 'removed').reduce((n, r) => n + r.text.split(' ').length, 0);
    expect(removedWords).toBe(changed);
  });

  it(`past ${MAX_EDITS} differences: one removed and one added run between the common ends`, () => {
    const a = Array.from({ length: 600 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 600 }, (_, i) => `b${i}`).join(' ');
    const runs = wordDiff(`start ${a} end`, `start ${b} end`);
    expect(runs.map((r) => r.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diffSide(runs, 'new')).toBe(`start ${b} end`);
  });
});
