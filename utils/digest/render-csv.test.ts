import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { BOM, CSV_COLUMNS, csvRows, guardFormula, quoteField, renderCsv } from './render-csv';
import { AWKWARD_COMMENT, DATASET_DOCUMENTS, FORMULA_COMMENT, createDataset } from '../../tests/support/digest-dataset';

/** A strict RFC 4180 parser: quoted fields with doubled quotes, CRLF records, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        value += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else return value;
      }
    }
    let end = i;
    while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
      if (text[end] === '"' || text[end] === '\n') throw new Error(`bare ${JSON.stringify(text[end])} in an unquoted field at ${end}`);
      end++;
    }
    const value = text.slice(i, end);
    i = end;
    return value;
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

const digest = buildDigest({ annotations: createDataset(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), groupName: 'NCAG' });
const csv = renderCsv(digest);

describe('renderCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('parses back (RFC 4180) to the heading row and one row per comment, exactly', () => {
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.slice(1)).toEqual(csvRows(digest));
    expect(parsed.length - 1).toBe(digest.summary.comments);
  });

  it('keeps commas, quotes and line breaks inside a comment intact', () => {
    const rows = parseCsv(csv.slice(1));
    const awkward = rows.find((r) => r[5] === AWKWARD_COMMENT);
    expect(awkward).toBeDefined();
    expect(awkward!.slice(0, 5)).toEqual([
      'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
      'Care Act 2014, Part 1',
      '1 Promoting individual well-being',
      '',
      'the individual’s views, wishes, feelings and beliefs',
    ]);
    expect(awkward!.slice(6, 11)).toEqual(['Comment', 'Information and advice', 'I am a carer', 'Tom Evans', '2026-10-11']);
    // Made without the conversation: its columns are empty (not "Not answered yet").
    expect(awkward!.slice(11)).toEqual(['', '', '', '', '']);
  });

  it('shows the page of PDF comments and separates themes with semicolons', () => {
    const rows = parseCsv(csv.slice(1));
    const pdf = rows.filter((r) => r[0]!.endsWith('.pdf'));
    expect(new Set(pdf.map((r) => r[3]))).toEqual(new Set(['3', '12', '13']));
    expect(rows.some((r) => r[7] === 'When things need to change; Workforce')).toBe(true);
  });

  it('guards against formula injection: cells starting with = + - @ (or tab/CR) become text', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows.some((r) => r[5] === `'${FORMULA_COMMENT}`)).toBe(true);
    const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(risky).toEqual([]);
    expect(rows.filter((r) => /^'[+\-@]/.test(r[5]!)).length).toBeGreaterThanOrEqual(3);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain', "'already"].map(guardFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      "'already",
    ]);
  });

  it('also guards cells starting with a line feed or a full-width = + - @ (formulas in East Asian Excel)', () => {
    expect(['\n=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', 'a＝b'].map(guardFormula)).toEqual(["'\n=1+1", "'＝1+1", "'＋1", "'－1", "'＠SUM(A1)", 'a＝b']);
  });

  it('quotes only what RFC 4180 requires', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r'].map(quoteField)).toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"']);
  });
});
