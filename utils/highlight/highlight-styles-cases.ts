import type { HighlightPalette } from './highlight-styles';

/** WCAG 2.x relative luminance of a #rrggbb colour (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Each look, with the contrast it must reach: text on background (AAA), underline on background (non-text, 1.4.11). */
export const contrastCases: Array<{ look: Exclude<keyof HighlightPalette, 'text'>; text: number; underline: number }> = [
  { look: 'comment', text: 7, underline: 3 },
  { look: 'draft', text: 7, underline: 3 },
  { look: 'focused', text: 7, underline: 3 },
  { look: 'flash', text: 7, underline: 3 },
];
