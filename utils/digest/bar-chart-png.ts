import { layoutBarChart, type BarChartLayout } from './bar-chart';
import { GLYPH_ACCENT_ROWS, GLYPH_ADVANCE, GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from './pixel-font';
import { encodePng } from './png';
import type { DigestCount } from './types';

/** Device pixels per layout pixel (sharp when Word scales the picture to the page). */
const SCALE = 2;
/** Device pixels per font pixel: glyphs 15×33 (accents and descenders included), advancing 18 (9 layout pixels). */
const FONT_SCALE = 3;
const WHITE = 0;
const TEXT = 1;
const BAR = 2;

/** A rendered chart: PNG bytes and the size to show it at (layout pixels). */
export interface ChartPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * The theme bar chart as a PNG with its labels and numbers drawn in a pixel font: Word's
 * fallback for the SVG chart, and the picture in viewers without SVG support.
 */
export function renderBarChartPng(counts: readonly DigestCount[]): ChartPng {
  const layout: BarChartLayout = layoutBarChart(counts, { width: 860, charWidth: (GLYPH_ADVANCE * FONT_SCALE) / SCALE });
  const width = layout.width * SCALE;
  const height = layout.height * SCALE;
  const pixels = new Uint8Array(width * height); // all WHITE

  const fill = (x0: number, y0: number, w: number, h: number, colour: number) => {
    const x1 = Math.min(width, x0 + w);
    const y1 = Math.min(height, y0 + h);
    for (let y = Math.max(0, y0); y < y1; y++) pixels.fill(colour, y * width + Math.max(0, x0), y * width + x1);
  };
  const textWidth = (text: string) => [...text].length * GLYPH_ADVANCE * FONT_SCALE - FONT_SCALE;
  const drawText = (text: string, x: number, midY: number) => {
    // Centred on the rows from the cap height down; the accent rows go above.
    const top = Math.round(midY - ((GLYPH_HEIGHT - GLYPH_ACCENT_ROWS) * FONT_SCALE) / 2) - GLYPH_ACCENT_ROWS * FONT_SCALE;
    let left = x;
    for (const ch of text) {
      const rows = glyphFor(ch);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (rows[row]! & (1 << (GLYPH_WIDTH - 1 - col))) fill(left + col * FONT_SCALE, top + row * FONT_SCALE, FONT_SCALE, FONT_SCALE, TEXT);
        }
      }
      left += GLYPH_ADVANCE * FONT_SCALE;
    }
  };

  for (const bar of layout.bars) {
    const mid = (bar.y + layout.rowHeight / 2) * SCALE;
    drawText(bar.label, layout.labelRight * SCALE - textWidth(bar.label), mid);
    fill(layout.barLeft * SCALE, Math.round(mid - (layout.barHeight * SCALE) / 2), bar.width * SCALE, layout.barHeight * SCALE, BAR);
    drawText(String(bar.count), (layout.barLeft + bar.width + 6) * SCALE, mid);
  }
  const palette: [number, number, number][] = [];
  palette[WHITE] = [255, 255, 255];
  palette[TEXT] = [0x0b, 0x0c, 0x0c];
  palette[BAR] = [0x1d, 0x4f, 0x91];
  return { png: encodePng({ width, height, palette, pixels }), width: layout.width, height: layout.height };
}
