/**
 * A 5×7 pixel font (with descenders, and accents above) for printable ASCII and the accented letters of Welsh (drawn for this project), so the Word chart's PNG
 * fallback can carry its labels without a browser or font files. Each glyph is 7 rows of
 * 5 bits (most significant bit on the left), two hex digits a row, glyphs from U+0020 to U+007E.
 */
const ASCII_GLYPHS =
  '00000000000000040404040400040a0a0a000000000a0a1f0a1f0a0a040f140e051e04181902040813030c12140815120d04040800000000' +
  '02040808080402080402020204080004150e1504000004041f040400000000000c04080000001f00000000000000000c0c00010204081000' +
  '0e11131519110e040c040404040e0e11010204081f1f02040201110e02060a121f02021f101e0101110e0608101e11110e1f010204080808' +
  '0e11110e11110e0e11110f01020c000c0c000c0c00000c0c000c04080204081008040200001f001f0000080402010204080e110102040004' +
  '0e11010d15150e0e11111f1111111e11111e11111e0e11101010110e1c12111111121c1f10101e10101f1f10101e1010100e11101711110f' +
  '1111111f1111110e04040404040e0702020202120c111214181412111010101010101f111b1515111111111119151311110e11111111110e' +
  '1e11111e1010100e11111115120d1e11111e1412110f10100e01011e1f0404040404041111111111110e11111111110a041111111515150a' +
  '11110a040a11111111110a0404041f01020408101f0e08080808080e001008040201000e02020202020e040a11000000000000000000001f' +
  '0804020000000000000e010f110f1010161911111e00000e1010110e01010d1311110f00000e111f100e0609081c080808000f11110f010e' +
  '1010161911111104000c0404040e0200060202120c101012141814120c04040404040e00001a151511110000161911111100000e1111110e' +
  '00001e111e101000000d130f01010000161910101000000e100e011e08081c080809060000111111130d00001111110a040000111115150a' +
  '0000110a040a11000011110f010e00001f0204081f02040408040402040404040404040804040204040800000815020000';

/**
 * Glyph cell in font pixels: 2 rows above the capitals for their accents (Ŵ Â …), 7 rows down
 * to the baseline, 2 for descenders; and the advance. `GLYPH_ACCENT_ROWS` is where the baseline
 * rows of the table below start, so text lines up as before the accent rows were added.
 */
export const GLYPH_WIDTH = 5;
export const GLYPH_ACCENT_ROWS = 2;
export const GLYPH_HEIGHT = 11;
export const GLYPH_ADVANCE = 6;

/** Letters that hang below the baseline, drawn 2 rows lower than the table above (rows from the cap height down). */
const DESCENDERS: Record<string, number[]> = { g: [0, 0, 0x0f, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x0e], p: [0, 0, 0x1e, 0x11, 0x11, 0x11, 0x1e, 0x10, 0x10], q: [0, 0, 0x0f, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x01], y: [0, 0, 0x11, 0x11, 0x11, 0x11, 0x0f, 0x01, 0x0e] };
const ELLIPSIS = [0, 0, 0, 0, 0, 0, 0, 0, 0x15, 0, 0];

/**
 * Accents, two rows each, by their combining character (NFD): circumflex (Welsh to bach: ŵ ŷ
 * â ê î ô û), diaeresis (ä ë ï ö ü ẅ ÿ), grave (à è ì ò ù ẁ ỳ) and acute (á é í ó ú ẃ ý).
 */
const ACCENTS: Record<string, [number, number]> = {
  '\u0302': [0x04, 0x0a],
  '\u0308': [0x0a, 0x00],
  '\u0300': [0x08, 0x04],
  '\u0301': [0x02, 0x04],
};

/** Rows from the cap height down (9: 7 to the baseline, 2 below) of a printable ASCII character. */
function asciiRows(ch: string): number[] {
  if (DESCENDERS[ch]) return DESCENDERS[ch];
  const at = (ch.charCodeAt(0) - 32) * 14;
  const rows = Array.from({ length: 7 }, (_, row) => parseInt(ASCII_GLYPHS.slice(at + row * 2, at + row * 2 + 2), 16));
  return [...rows, 0, 0];
}

/** A full cell: the accent rows above the capitals, then `rows`. */
const cell = (rows: number[], accent: readonly number[] = [0, 0]) => [...accent, ...rows];

/**
 * A letter with one accent: on a lower-case letter without an ascender the accent takes the two
 * rows above its x-height (an i or j loses its dot first); on a capital or a tall letter, the
 * accent rows above the cell's cap height.
 */
function accentedRows(base: string, accent: readonly [number, number]): number[] {
  const rows = asciiRows(base).slice();
  if (base === 'i' || base === 'j') rows[0] = 0;
  if (rows[0] === 0 && rows[1] === 0) {
    rows[0] = accent[0];
    rows[1] = accent[1];
    return cell(rows);
  }
  return cell(rows, accent);
}

const QUESTION = cell(asciiRows('?'));
const cache = new Map<string, number[]>();
const TYPOGRAPHIC: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' ' };

const isAscii = (text: string) => text.length === 1 && text.charCodeAt(0) >= 32 && text.charCodeAt(0) <= 126;

/** The rows of a character's own glyph, or null when the font has none (it would draw "?"). */
function ownGlyph(ch: string): number[] | null {
  if (ch === '\u2026') return ELLIPSIS;
  const plain = TYPOGRAPHIC[ch] ?? ch;
  if (isAscii(plain)) return cell(asciiRows(plain));
  const [base = '', ...marks] = plain.normalize('NFD');
  if (/^[A-Za-z]$/.test(base) && marks.length === 1 && ACCENTS[marks[0]!]) return accentedRows(base, ACCENTS[marks[0]!]!);
  // Other accents (ç, ñ, å …): the letter without them, still readable.
  const folded = plain.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return isAscii(folded) ? cell(asciiRows(folded)) : null;
}

/** Whether the font draws this character itself (anything else is drawn as "?"). */
export function hasGlyph(ch: string): boolean {
  return ch === '?' || ownGlyph(ch) !== null;
}

/**
 * The GLYPH_HEIGHT rows of the glyph for one character: ASCII as drawn, letters with a
 * circumflex, diaeresis, grave or acute with their accent (Welsh ŵ ŷ and the rest), other
 * accented letters without their accents, curly quotes and dashes as straight ones, "…" as
 * three dots, anything else "?".
 */
export function glyphFor(ch: string): number[] {
  let rows = cache.get(ch);
  if (rows) return rows;
  rows = ownGlyph(ch) ?? QUESTION;
  cache.set(ch, rows);
  return rows;
}
