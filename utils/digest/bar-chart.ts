import { DEFAULT_LOCALE } from '../i18n/locales';
import { translator, type Translator } from '../i18n/translate';
import { escapeHtml } from './text';
import type { DigestCount } from './types';

/** Geometry shared by the SVG (HTML, Word) and PNG (Word fallback) charts, in CSS pixels. */
export interface BarChartLayout {
  width: number;
  height: number;
  /** Right edge of the labels; bars start a little after it. */
  labelRight: number;
  barLeft: number;
  barMaxWidth: number;
  rowHeight: number;
  barHeight: number;
  top: number;
  bars: { label: string; count: number; y: number; width: number }[];
}

/** Longest label drawn beside a bar; longer ones are cut with "…" (the table has them whole). */
export const MAX_CHART_LABEL = 44;
/** Bar fill: dark blue, 9:1 against white, so no bar relies on a light colour to be seen. */
export const BAR_COLOUR = '#1d4f91';
export const TEXT_COLOUR = '#0b0c0c';

/** A label cut to fit the chart. */
export function chartLabel(label: string): string {
  return label.length > MAX_CHART_LABEL ? `${label.slice(0, MAX_CHART_LABEL - 1).trimEnd()}…` : label;
}

/**
 * Lay out a horizontal bar chart: one row per count, longest bar = the largest count.
 * `charWidth` is the label font's average advance (7.6 for 14px sans-serif).
 */
export function layoutBarChart(counts: readonly DigestCount[], { width = 760, charWidth = 7.6 } = {}): BarChartLayout {
  const longest = Math.max(8, ...counts.map((c) => chartLabel(c.label).length));
  const labelRight = Math.min(Math.round(width * 0.55), Math.ceil(longest * charWidth) + 12);
  const barLeft = labelRight + 8;
  const barMaxWidth = width - barLeft - 56;
  const rowHeight = 30;
  const barHeight = 20;
  const top = 10;
  const max = Math.max(1, ...counts.map((c) => c.count));
  return {
    width,
    height: top * 2 + rowHeight * Math.max(1, counts.length),
    labelRight,
    barLeft,
    barMaxWidth,
    rowHeight,
    barHeight,
    top,
    bars: counts.map((c, i) => ({
      label: chartLabel(c.label),
      count: c.count,
      y: top + i * rowHeight,
      width: Math.max(c.count > 0 ? 2 : 0, Math.round((c.count / max) * barMaxWidth)),
    })),
  };
}

/** The chart's text alternative: every bar in words. */
export function describeBarChart(counts: readonly DigestCount[], i18n: Translator = translator(DEFAULT_LOCALE)): string {
  const { t } = i18n;
  if (counts.length === 0) return t('digest.chart.empty');
  return t('digest.chart.description', { bars: counts.map((c) => `${c.label}: ${t('digest.count.comments', { count: c.count })}`).join('; ') });
}

/**
 * A standalone SVG bar chart with <title>, <desc> and a text label and number on every bar,
 * so it reads without colour and without the picture. `idPrefix` keeps ids unique in a page.
 */
export function renderBarChartSvg(counts: readonly DigestCount[], title: string, idPrefix = 'chart', i18n: Translator = translator(DEFAULT_LOCALE)): string {
  const l = layoutBarChart(counts);
  const rows = l.bars
    .map((b) => {
      const mid = b.y + l.rowHeight / 2;
      return (
        `<g><text x="${l.labelRight}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(b.label)}</text>` +
        `<rect x="${l.barLeft}" y="${mid - l.barHeight / 2}" width="${b.width}" height="${l.barHeight}" fill="${BAR_COLOUR}"/>` +
        `<text x="${l.barLeft + b.width + 6}" y="${mid}" dominant-baseline="middle">${b.count}</text></g>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" ` +
    `width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}">` +
    `<title id="${idPrefix}-title">${escapeHtml(title)}</title><desc id="${idPrefix}-desc">${escapeHtml(describeBarChart(counts, i18n))}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g font-family="Arial, Helvetica, sans-serif" font-size="14" fill="${TEXT_COLOUR}">${rows}</g></svg>`
  );
}
