import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE, HIGHLIGHT_NAMES, buildHighlightCss, buildMarkCss } from './highlight-styles';
import { contrast, contrastCases } from './highlight-styles-cases';

describe('default palette', () => {
  it('computes contrast like WCAG (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(contrastCases)('$look: text and underline stand out from the background', ({ look, text, underline }) => {
    const style = DEFAULT_PALETTE[look];
    expect(contrast(DEFAULT_PALETTE.text, style.background)).toBeGreaterThanOrEqual(text);
    expect(contrast(style.underline, style.background)).toBeGreaterThanOrEqual(underline);
  });

  it('does not rely on colour alone: focus has a thicker underline, drafts a different line', () => {
    const px = (t: string) => parseFloat(t);
    expect(px(DEFAULT_PALETTE.focused.thickness)).toBeGreaterThan(px(DEFAULT_PALETTE.comment.thickness));
    expect(DEFAULT_PALETTE.draft.line).not.toBe(DEFAULT_PALETTE.comment.line);
  });
});

describe('stylesheets', () => {
  it('styles every highlight name, with text colour, background and underline', () => {
    const css = buildHighlightCss();
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      const rule = new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      expect(rule).toContain(`color: ${DEFAULT_PALETTE.text};`);
      expect(rule).toMatch(/background-color: #[0-9a-f]{6};/);
      expect(rule).toContain('text-decoration-line: underline;');
    }
    expect(css).toContain('@media (forced-colors: active)');
  });

  it('styles fallback marks by look, undoing page styles for <mark>', () => {
    const css = buildMarkCss();
    expect(css).toContain('mark[data-lea-highlight] { all: unset; }');
    expect(css).toContain(`mark[data-lea-highlight][data-lea-look="focused"] { color: ${DEFAULT_PALETTE.text}; background-color: ${DEFAULT_PALETTE.focused.background};`);
    expect(css).toContain('mark[data-lea-highlight][data-lea-flash]');
    expect(css).not.toContain('::highlight');
  });

  it('uses a custom palette', () => {
    const palette = { ...DEFAULT_PALETTE, comment: { ...DEFAULT_PALETTE.comment, background: '#ffffcc' } };
    expect(buildHighlightCss(palette)).toContain('background-color: #ffffcc;');
  });
});
