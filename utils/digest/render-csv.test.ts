import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { BOM, CSV_COLUMNS, csvRows, guardFormula, quoteField, renderCsv } from './render-csv';
import type { LeaReply } from '../model/conversation';
import { AWKWARD_COMMENT, CHANGED_TEXT, DATASET_DOCUMENTS, FORMULA_COMMENT, NOT_CHANGING_TEXT, OFFICER, conversationInput, createDataset } from '../../tests/support/digest-dataset';

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

describe('renderCsv with the conversation', () => {
  const make = (sort: 'document' | 'support') =>
    buildDigest({ annotations: createDataset(), ...conversationInput(), documents: DATASET_DOCUMENTS, scope: 'group', generatedAt: new Date('2026-11-23T10:00:00Z'), sort });
  const rows = parseCsv(renderCsv(make('document')).slice(1));

  it('appends the answer, replies and supports columns after the existing ones, in that order', () => {
    expect(CSV_COLUMNS.slice(0, 11)).toEqual(['Document', 'Document title', 'Section', 'Page', 'Quote', 'Comment', 'Kind', 'Themes', 'Perspective', 'Author', 'Created']);
    expect(rows[0]!.slice(11)).toEqual(['Latest answer', 'Answer text', 'Answered by', 'Replies', 'This is my experience too']);
    expect(rows.slice(1).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('gives each comment its latest answer, who answered, its reply and support counts', () => {
    const byText = (start: string) => rows.find((r) => r[5]!.startsWith(start))!.slice(11);
    const officer = `${OFFICER.name} (${OFFICER.jobTitle}, ${OFFICER.organisation})`;
    expect(byText('Well-being is the right starting point')).toEqual(['This has been changed', CHANGED_TEXT, officer, '5', '3']);
    expect(byText('Who decides what counts')).toEqual(['We are not changing this', NOT_CHANGING_TEXT, officer, '3', '5']);
    expect(byText('Dignity is being addressed')).toEqual(['We have noted this', '', 'Jo Bright (Group facilitator)', '1', '1']);
    expect(byText('Unmet need is invisible')).toEqual(['Not answered yet', '', '', '0', '2']);
  });

  it('writes rows most supported first with sort "support"', () => {
    const sorted = parseCsv(renderCsv(make('support')).slice(1)).slice(1).map((r) => Number(r[15]));
    expect(sorted.slice(0, 5)).toEqual([5, 3, 2, 1, 0]);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('guards an answer text that looks like a formula', () => {
    const talk = conversationInput();
    const answer = talk.conversation.find((i) => i.motivation === 'replying' && i.body[0].purpose === 'commenting' && i.body[1]) as LeaReply;
    const evil = { ...answer, body: [{ ...answer.body[0], value: FORMULA_COMMENT }, answer.body[1]] } as LeaReply;
    const digest = buildDigest({ annotations: createDataset(), conversation: [...talk.conversation.filter((i) => i !== answer), evil], scope: 'group', generatedAt: new Date() });
    const cells = csvRows(digest).flat();
    expect(cells).toContain(`'${FORMULA_COMMENT}`);
    expect(cells).not.toContain(FORMULA_COMMENT);
  });
});
