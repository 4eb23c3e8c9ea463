/**
 * Highlight names, colours and the stylesheet that paints them. Every highlight sets both
 * text and background colour (so contrast holds on dark pages too) and an underline, so
 * colour is never the only cue (WCAG 1.4.1); forced-colours mode uses system colours.
 */

/** The looks a painted passage can have; `comment` is the default. */
export type HighlightClass = 'comment' | 'draft' | 'focused';

/** Registry names (`::highlight(name)`), one per class plus the transient flash. */
export const HIGHLIGHT_NAMES = {
  comment: 'lea-comment',
  draft: 'lea-draft',
  focused: 'lea-focused',
  flash: 'lea-flash',
} as const;

/** Paint order: a higher priority is drawn over a lower one where passages overlap. */
export const HIGHLIGHT_PRIORITY: Record<keyof typeof HIGHLIGHT_NAMES, number> = {
  comment: 0,
  draft: 1,
  focused: 2,
  flash: 3,
};

/** One look: `#rrggbb` colours and a CSS underline. */
export interface HighlightLook {
  background: string;
  underline: string;
  thickness: string;
  line: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
}

/** Colours for every look; `text` is the text colour on all of them. */
export interface HighlightPalette {
  text: string;
  comment: HighlightLook;
  draft: HighlightLook;
  focused: HighlightLook;
  flash: HighlightLook;
}

/**
 * Light amber for comments, stronger amber with a thicker underline when focused, pale blue
 * with a dashed underline for an unsaved draft. Text on each is at least 7:1 (WCAG AAA).
 */
export const DEFAULT_PALETTE: HighlightPalette = {
  text: '#1a1a1a',
  comment: { background: '#fff3b0', underline: '#8a5300', thickness: '2px', line: 'solid' },
  draft: { background: '#e1ecfb', underline: '#1f4f99', thickness: '2px', line: 'dashed' },
  focused: { background: '#ffd25e', underline: '#6e3300', thickness: '4px', line: 'solid' },
  flash: { background: '#ffab40', underline: '#4d2000', thickness: '4px', line: 'solid' },
};

/** Attributes on fallback `<mark>` elements (the only page DOM this module ever adds). */
export const MARK_ATTRIBUTES = {
  marker: 'data-lea-highlight',
  look: 'data-lea-look',
  flash: 'data-lea-flash',
} as const;

type Look = keyof typeof HIGHLIGHT_NAMES;
const LOOKS: Look[] = ['comment', 'draft', 'focused', 'flash'];

/** CSS for painting with the CSS Custom Highlight API (https://drafts.csswg.org/css-highlight-api-1/). */
export function buildHighlightCss(palette: HighlightPalette = DEFAULT_PALETTE): string {
  const rules = LOOKS.map((look) => `::highlight(${HIGHLIGHT_NAMES[look]}) {${declarations(palette, look)}}`);
  return [...rules, forcedColours((look) => `::highlight(${HIGHLIGHT_NAMES[look]})`)].join('\n');
}

/** CSS for the `<mark>` fallback, used only where the Highlight API is missing. */
export function buildMarkCss(palette: HighlightPalette = DEFAULT_PALETTE): string {
  const { marker, look: lookAttr, flash } = MARK_ATTRIBUTES;
  const selector = (look: Look): string =>
    look === 'flash'
      ? `mark[${marker}][${flash}]`
      : look === 'comment'
        ? `mark[${marker}]`
        : `mark[${marker}][${lookAttr}="${look}"]`;
  // `all: unset` undoes page styles for <mark> so wrapping changes nothing but the paint.
  const base = `mark[${marker}] { all: unset; }`;
  const rules = LOOKS.map((look) => `${selector(look)} {${declarations(palette, look)}}`);
  return [base, ...rules, forcedColours(selector)].join('\n');
}

function declarations(palette: HighlightPalette, look: Look): string {
  const style = palette[look];
  return [
    ` color: ${palette.text};`,
    `background-color: ${style.background};`,
    'text-decoration-line: underline;',
    `text-decoration-style: ${style.line};`,
    `text-decoration-color: ${style.underline};`,
    `text-decoration-thickness: ${style.thickness}; `,
  ].join(' ');
}

/** Windows High Contrast and similar: system colour pairs the user chose. */
function forcedColours(selector: (look: Look) => string): string {
  return [
    '@media (forced-colors: active) {',
    `  ${selector('comment')}, ${selector('draft')} { color: MarkText; background-color: Mark; text-decoration-color: MarkText; }`,
    `  ${selector('focused')}, ${selector('flash')} { color: HighlightText; background-color: Highlight; text-decoration-color: HighlightText; }`,
    '}',
  ].join('\n');
}
