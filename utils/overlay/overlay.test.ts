import { describe, expect, it } from 'vitest';
import { densityMarks } from './density';
import { overlapDepths } from './overlaps';
import { buildThemeCss, legendLooks, OTHER_THEMES_LOOK, THEME_LOOKS, themeHighlightName } from './theme-palette';
import { DEFAULT_THEMES, type Theme } from '../model/themes';

describe('overlapDepths', () => {
  it.each([
    ['no overlap', [{ start: 0, end: 5 }, { start: 10, end: 15 }], [], []],
    ['two overlapping', [{ start: 0, end: 10 }, { start: 5, end: 15 }], [{ start: 5, end: 10 }], []],
    ['three deep in the middle', [{ start: 0, end: 30 }, { start: 10, end: 20 }, { start: 12, end: 25 }], [{ start: 10, end: 25 }], [{ start: 12, end: 20 }]],
    ['touching is not overlapping', [{ start: 0, end: 5 }, { start: 5, end: 9 }], [], []],
    ['same passage three times', [{ start: 3, end: 9 }, { start: 3, end: 9 }, { start: 3, end: 9 }], [{ start: 3, end: 9 }], [{ start: 3, end: 9 }]],
  ])('%s', (_name, spans, two, three) => {
    expect(overlapDepths(spans)).toEqual({ two, three });
  });
});

describe('densityMarks', () => {
  it('bands comments down the page and counts each band', () => {
    const marks = densityMarks(
      [
        { id: 'a', y: 10, label: 's1' },
        { id: 'b', y: 20, label: 's1' },
        { id: 'c', y: 990, label: 's9' },
      ],
      1000,
      10,
    );
    expect(marks).toEqual([
      { top: 0, count: 2, firstId: 'a', label: 's1' },
      { top: 0.9, count: 1, firstId: 'c', label: 's9' },
    ]);
  });
});

describe('theme palette', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };

  it('keeps text readable (7:1) on every theme colour and gives each theme its own second cue', () => {
    for (const look of [...THEME_LOOKS, OTHER_THEMES_LOOK]) expect(contrast('#1a1a1a', look.background), look.name).toBeGreaterThanOrEqual(7);
    expect(new Set([...THEME_LOOKS, OTHER_THEMES_LOOK].map((l) => l.lineWords)).size).toBe(THEME_LOOKS.length + 1);
  });

  it('paints a comment by its first known theme', () => {
    expect(themeHighlightName(['Workforce', 'Information and advice'])).toBe('lea-theme-1');
    expect(themeHighlightName(['Something else'])).toBe('lea-theme-none');
    expect(buildThemeCss()).toContain('::highlight(lea-theme-4)');
  });

  it('keeps a renamed default theme in its colour, gives a group’s own theme a free one, and names them in the legend', () => {
    const vocabulary: Theme[] = [
      ...DEFAULT_THEMES.map((t) => (t.id === 'workforce' ? { ...t, label: 'People who work in care' } : t.id === 'information-and-advice' ? { ...t, retired: true } : t)),
      { id: 'housing', label: 'Housing', retired: false },
      { id: 'transport', label: 'Transport', retired: false },
    ];
    expect(themeHighlightName(['workforce'], vocabulary)).toBe('lea-theme-5');
    expect(themeHighlightName(['Workforce'], vocabulary)).toBe('lea-theme-5');
    expect(themeHighlightName(['housing'], vocabulary)).toBe('lea-theme-1');
    expect(themeHighlightName(['transport'], vocabulary)).toBe('lea-theme-other');
    expect(themeHighlightName(['Care Act'], vocabulary)).toBe('lea-theme-none');
    const legend = legendLooks(vocabulary).map((l) => l.name);
    expect(legend).toContain('People who work in care');
    expect(legend).toContain('Housing');
    expect(legend).not.toContain('Information and advice');
    expect(legend).toContain('Other themes (Transport)');
    expect(legend.at(-1)).toBe('No theme');
  });
});
