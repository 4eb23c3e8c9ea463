// @vitest-environment node
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { digest as cyDigest } from '../i18n/messages/cy/digest';
import { vocabulary as cyVocabulary } from '../i18n/messages/cy/vocabulary';
import { renderBarChartPng } from './bar-chart-png';
import { glyphFor, hasGlyph, GLYPH_HEIGHT } from './pixel-font';

/** The letters with accents Welsh writes, capitals too. */
const WELSH_ACCENTED = 'ŵŷâêîôûŴŶÂÊÎÔÛäëïöüàèìòùáéíóúẁẃẅỳýÿ';
const SAMPLE = `Gofal a chymorth: ${WELSH_ACCENTED} – “dyfyniad” ’n …`;

const cyLabels = Object.entries({ ...cyVocabulary, ...cyDigest })
  .filter(([key]) => key.startsWith('vocabulary.theme.') || key === 'digest.theme.none')
  .map(([, text]) => text as string);

/** The chart's pixels, decoded (filter bytes dropped). */
function chartPixels(label: string): Uint8Array {
  const { png } = renderBarChartPng([{ label, count: 1 }]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const parts: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return unzlibSync(parts[0]!);
}

describe('pixel font', () => {
  it('has a glyph of its own for every character of every Welsh theme name and of the Welsh sample', () => {
    const question = glyphFor('?');
    for (const ch of new Set([...cyLabels.join(''), ...SAMPLE])) {
      expect(hasGlyph(ch), ch).toBe(true);
      if (ch !== '?') expect(glyphFor(ch), ch).not.toEqual(question);
      expect(glyphFor(ch)).toHaveLength(GLYPH_HEIGHT);
    }
  });

  it('draws the accent: ŵ is not w, Â is not A, and each accent is its own', () => {
    for (const ch of WELSH_ACCENTED) {
      const base = ch.normalize('NFD')[0]!;
      expect(glyphFor(ch), ch).not.toEqual(glyphFor(base));
    }
    expect(new Set(['â', 'ä', 'à', 'á'].map((ch) => glyphFor(ch).join()))).toHaveProperty('size', 4);
    // The letter stays whole under its accent: Ŵ is W's rows with a circumflex above.
    expect(glyphFor('Ŵ').slice(2)).toEqual(glyphFor('W').slice(2));
    expect(glyphFor('Ŵ').slice(0, 2)).toEqual([0x04, 0x0a]);
  });

  it('draws a chart whose labels hold ŵ ŷ â ê î ô û with their own glyphs, never the fallback "?"', () => {
    for (const ch of WELSH_ACCENTED) {
      const drawn = chartPixels(`Ll${ch}`);
      expect(drawn, ch).not.toEqual(chartPixels('Ll?'));
      expect(drawn, ch).not.toEqual(chartPixels(`Ll${ch.normalize('NFD')[0]}`));
    }
    // A whole Welsh label: the same pixels as the label drawn glyph by glyph, with none of them "?".
    const label = 'Pan fydd angen i bethau newid: ŵyr, tŷ, â, ê';
    expect([...label].every((ch) => ch === '?' || glyphFor(ch) !== glyphFor('?'))).toBe(true);
    expect(chartPixels(label)).not.toEqual(chartPixels(label.replace(/[ŵŷâê]/g, '?')));
  });

  it('draws plain text where it drew it before the accent rows were added (ASCII rows unchanged below them)', () => {
    expect(glyphFor('A').slice(0, 2)).toEqual([0, 0]);
    expect(glyphFor('g').slice(2)).toEqual([0, 0, 0x0f, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x0e]);
  });
});
