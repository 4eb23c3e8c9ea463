import { DEFAULT_THEMES, themeIdOf, type Theme } from '../model/themes';

/** One highlight look: a light tint to read through and an underline style as the second cue. */
export interface ThemeLook {
  /** What the legend calls it (a theme's label, "Other themes" or "No theme"). */
  name: string;
  background: string;
  underline: string;
  line: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
  /** Words for the legend, since colour is never the only cue (WCAG 1.4.1). */
  lineWords: string;
}

type Look = Omit<ThemeLook, 'name'>;

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision differences), lightened so
 * black text keeps at least 7:1 contrast, each with its own underline style. Slot i is the
 * colour of the i-th Making It Real theme; a group's own themes take the slots left free.
 */
export const THEME_SLOTS: readonly Look[] = [
  { background: '#fbe3b3', underline: '#8a5a00', line: 'solid', lineWords: 'solid underline' },
  { background: '#cde8f8', underline: '#1d5f8a', line: 'dashed', lineWords: 'dashed underline' },
  { background: '#bfe8dc', underline: '#005c43', line: 'dotted', lineWords: 'dotted underline' },
  { background: '#f6f1b5', underline: '#6b6300', line: 'double', lineWords: 'double underline' },
  { background: '#f7d4bc', underline: '#8a3d00', line: 'wavy', lineWords: 'wavy underline' },
  { background: '#f2d9e7', underline: '#7a3a5e', line: 'solid', lineWords: 'thick solid underline' },
];
/** The Making It Real looks, named (the legend without a group's own vocabulary). */
export const THEME_LOOKS: readonly ThemeLook[] = THEME_SLOTS.map((look, i) => ({ name: DEFAULT_THEMES[i]!.label, ...look }));
/** Themes beyond the six colours share this look (the legend lists their names). */
export const OTHER_THEMES_LOOK: ThemeLook = { name: 'Other themes', background: '#dcdcf2', underline: '#33336b', line: 'wavy', lineWords: 'thick wavy underline' };
export const UNTHEMED_LOOK: ThemeLook = { name: 'No theme', background: '#e8e8e8', underline: '#4d4d4d', line: 'dotted', lineWords: 'dotted grey underline' };

/** Highlight registry names: one per slot, then other themes, then no theme. */
export const THEME_HIGHLIGHT_NAMES = [...THEME_SLOTS.map((_, i) => `lea-theme-${i}`), 'lea-theme-other', 'lea-theme-none'] as const;

/**
 * Which colour slot each theme of the vocabulary has. A Making It Real theme keeps its own
 * colour (renamed or not) so the page does not change colour under people; the group's own
 * themes take the free slots in display order, current themes before retired ones. Themes
 * left without a slot share the "other themes" look.
 */
export function themeSlots(vocabulary: readonly Theme[]): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  const ordered = [...vocabulary.filter((t) => !t.retired), ...vocabulary.filter((t) => t.retired)];
  for (const theme of ordered) {
    const i = DEFAULT_THEMES.findIndex((d) => d.id === theme.id);
    if (i >= 0 && !theme.retired) {
      slots.set(theme.id, i);
      taken.add(i);
    }
  }
  for (const theme of ordered) {
    if (slots.has(theme.id)) continue;
    const i = DEFAULT_THEMES.findIndex((d) => d.id === theme.id);
    const free = i >= 0 && !taken.has(i) ? i : THEME_SLOTS.findIndex((_, n) => !taken.has(n));
    if (free < 0) continue;
    slots.set(theme.id, free);
    taken.add(free);
  }
  return slots;
}

/** What the legend shows: each coloured theme with its look, the others together, and "No theme". */
export function legendLooks(vocabulary: readonly Theme[] = DEFAULT_THEMES): ThemeLook[] {
  const slots = themeSlots(vocabulary);
  const current = vocabulary.filter((t) => !t.retired);
  const coloured = current.filter((t) => slots.has(t.id)).sort((a, b) => slots.get(a.id)! - slots.get(b.id)!);
  const others = current.filter((t) => !slots.has(t.id));
  return [
    ...coloured.map((t) => ({ ...THEME_SLOTS[slots.get(t.id)!]!, name: t.label })),
    ...(others.length ? [{ ...OTHER_THEMES_LOOK, name: `${OTHER_THEMES_LOOK.name} (${others.map((t) => t.label).join(', ')})` }] : []),
    UNTHEMED_LOOK,
  ];
}

/**
 * Highlight registry name for a comment's themes (ids, or legacy labels): the colour of its
 * theme in the lowest slot, "other" for a theme of the group without a colour, "none" otherwise.
 */
export function themeHighlightName(themes: readonly string[], vocabulary: readonly Theme[] = DEFAULT_THEMES): string {
  const slots = themeSlots(vocabulary);
  const ids = themes.map(themeIdOf);
  const found = ids.map((id) => slots.get(id)).filter((slot): slot is number => slot !== undefined);
  if (found.length) return `lea-theme-${Math.min(...found)}`;
  return ids.some((id) => vocabulary.some((t) => t.id === id)) ? 'lea-theme-other' : 'lea-theme-none';
}

/** Names of the layers that darken passages with 2 and with 3 or more comments. */
export const OVERLAP_NAMES = ['lea-overlap-2', 'lea-overlap-3'] as const;

/** The stylesheet for theme and overlap highlights (https://drafts.csswg.org/css-highlight-api-1/). */
export function buildThemeCss(): string {
  const rule = (name: string, look: Look, thickness: string) =>
    `::highlight(${name}) { color: #1a1a1a; background-color: ${look.background}; text-decoration: underline ${look.line} ${look.underline} ${thickness}; text-underline-offset: 3px; }`;
  return [
    ...THEME_SLOTS.map((look, i) => rule(`lea-theme-${i}`, look, i === 5 ? '4px' : '2px')),
    rule('lea-theme-other', OTHER_THEMES_LOOK, '4px'),
    rule('lea-theme-none', UNTHEMED_LOOK, '2px'),
    // Semi-transparent layers stack over the theme colour: more comments, darker passage.
    `::highlight(${OVERLAP_NAMES[0]}) { background-color: rgba(60, 40, 0, 0.16); }`,
    `::highlight(${OVERLAP_NAMES[1]}) { background-color: rgba(60, 40, 0, 0.30); }`,
  ].join('\n');
}
