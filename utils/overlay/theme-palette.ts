import { MAKING_IT_REAL_THEMES } from '../model';

/** One theme's look: a light tint to read through and an underline style as the second cue. */
export interface ThemeLook {
  name: string;
  background: string;
  underline: string;
  line: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
  /** Words for the legend, since colour is never the only cue (WCAG 1.4.1). */
  lineWords: string;
}

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision differences), lightened so
 * black text keeps at least 7:1 contrast, each with its own underline style.
 */
export const THEME_LOOKS: readonly ThemeLook[] = [
  { name: MAKING_IT_REAL_THEMES[0], background: '#fbe3b3', underline: '#8a5a00', line: 'solid', lineWords: 'solid underline' },
  { name: MAKING_IT_REAL_THEMES[1], background: '#cde8f8', underline: '#1d5f8a', line: 'dashed', lineWords: 'dashed underline' },
  { name: MAKING_IT_REAL_THEMES[2], background: '#bfe8dc', underline: '#005c43', line: 'dotted', lineWords: 'dotted underline' },
  { name: MAKING_IT_REAL_THEMES[3], background: '#f6f1b5', underline: '#6b6300', line: 'double', lineWords: 'double underline' },
  { name: MAKING_IT_REAL_THEMES[4], background: '#f7d4bc', underline: '#8a3d00', line: 'wavy', lineWords: 'wavy underline' },
  { name: MAKING_IT_REAL_THEMES[5], background: '#f2d9e7', underline: '#7a3a5e', line: 'solid', lineWords: 'thick solid underline' },
];
export const UNTHEMED_LOOK: ThemeLook = { name: 'No theme', background: '#e8e8e8', underline: '#4d4d4d', line: 'dotted', lineWords: 'dotted grey underline' };

/** Highlight registry name for a theme's look (index in THEME_LOOKS, or "none"). */
export function themeHighlightName(themes: readonly string[]): string {
  const index = THEME_LOOKS.findIndex((look) => themes.includes(look.name));
  return index < 0 ? 'lea-theme-none' : `lea-theme-${index}`;
}

/** Names of the layers that darken passages with 2 and with 3 or more comments. */
export const OVERLAP_NAMES = ['lea-overlap-2', 'lea-overlap-3'] as const;

/** The stylesheet for theme and overlap highlights (https://drafts.csswg.org/css-highlight-api-1/). */
export function buildThemeCss(): string {
  const rule = (name: string, look: ThemeLook, thickness: string) =>
    `::highlight(${name}) { color: #1a1a1a; background-color: ${look.background}; text-decoration: underline ${look.line} ${look.underline} ${thickness}; text-underline-offset: 3px; }`;
  return [
    ...THEME_LOOKS.map((look, i) => rule(`lea-theme-${i}`, look, i === 5 ? '4px' : '2px')),
    rule('lea-theme-none', UNTHEMED_LOOK, '2px'),
    // Semi-transparent layers stack over the theme colour: more comments, darker passage.
    `::highlight(${OVERLAP_NAMES[0]}) { background-color: rgba(60, 40, 0, 0.16); }`,
    `::highlight(${OVERLAP_NAMES[1]}) { background-color: rgba(60, 40, 0, 0.30); }`,
  ].join('\n');
}
