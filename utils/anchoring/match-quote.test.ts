import { describe, expect, it } from 'vitest';
import { matchQuote } from './match-quote';
import { anchorInText } from './match-selectors';
import { createTextIndex } from './text-index';
import { errorBudget } from './match-fuzzy';

// The pure layer works on plain strings (as the PDF viewer will, with pdf.js text items).
describe('matchQuote (pure)', () => {
  const text = 'To the Secretary of State. Then to the Secretary of State again. Finally to the Treasury.';

  it('finds an exact quote and reports raw offsets', () => {
    const m = matchQuote(text, 'the Treasury');
    expect(m).toMatchObject({ start: text.indexOf('the Treasury'), errors: 0 });
    expect(text.slice(m!.start, m!.end)).toBe('the Treasury');
  });

  it('uses the prefix to choose between repeated phrases', () => {
    const m = matchQuote(text, 'the Secretary of State', { prefix: 'Then to ' });
    expect(m!.start).toBe(text.indexOf('the Secretary of State', 10));
  });

  it('uses the suffix to choose between repeated phrases', () => {
    const m = matchQuote(text, 'the Secretary of State', { suffix: '. Then' });
    expect(m!.start).toBe(text.indexOf('the Secretary of State'));
  });

  it('falls back to the position hint when context does not decide', () => {
    const second = text.indexOf('the Secretary of State', 10);
    expect(matchQuote(text, 'the Secretary of State', { hint: second - 3 })!.start).toBe(second);
    expect(matchQuote(text, 'the Secretary of State', { hint: 2 })!.start).toBe(3);
  });

  it('prefers full context far away over partial context near the hint, and the nearest of equals', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(200); // > 2048 folded units
    const page = `X the duty applies Y. ${filler} A the duty applies B. ${filler} A the duty applies B.`;
    const near = page.indexOf('the duty'); // context X/Y: partial agreement only
    const far1 = page.indexOf('the duty', near + 1);
    const far2 = page.lastIndexOf('the duty');
    expect(matchQuote(page, 'the duty applies', { prefix: 'A ', suffix: ' B', hint: near })!.start).toBe(far1);
    expect(matchQuote(page, 'the duty applies', { prefix: 'A ', suffix: ' B', hint: far2 - 5 })!.start).toBe(far2);
  });

  it('refuses to guess between repeated phrases with no context and no hint', () => {
    expect(matchQuote(text, 'the Secretary of State')).toBeNull();
  });

  it('matches across whitespace and quote-mark differences, covering the real text', () => {
    const page = 'He said “the individual’s\n   well-being” matters.';
    const m = matchQuote(page, '"the individual\'s well-being"');
    expect(m).not.toBeNull();
    expect(page.slice(m!.start, m!.end)).toBe('“the individual’s\n   well-being”');
    expect(m!.errors).toBe(0);
  });

  it('keeps leading and trailing whitespace of the quote when the page has it', () => {
    const page = 'alpha beta gamma';
    const m = matchQuote(page, ' beta ');
    expect(page.slice(m!.start, m!.end)).toBe(' beta ');
  });

  it('finds an edited quote fuzzily and rejects unrelated text', () => {
    const page = 'A local authority must provide or arrange for the provision of services, facilities or resources.';
    const m = matchQuote(page, 'must provide or arange for the provison of services', { hint: 20 });
    expect(m).not.toBeNull();
    expect(m!.errors).toBe(2);
    expect(page.slice(m!.start, m!.end)).toBe('must provide or arrange for the provision of services');
    expect(matchQuote(page, 'the Secretary of State may by regulations provide')).toBeNull();
  });

  it('scales the error budget with quote length: none under 8, quadratic ramp, a quarter from 64, at most 64', () => {
    expect(errorBudget(7)).toBe(0);
    expect(errorBudget(8)).toBe(1);
    expect(errorBudget(28)).toBe(3);
    expect(errorBudget(40)).toBe(6);
    expect(errorBudget(64)).toBe(16);
    expect(errorBudget(100)).toBe(25);
    expect(errorBudget(1000)).toBe(64);
  });

  it('snaps a fuzzy match to the quote\'s first words when words were inserted after them', () => {
    const page = 'provided to the individual and the way in which it is provided);\n(e)participation in work, education, training or recreation;';
    const m = matchQuote(page, 'the way in which\n(e) participation in work, education, training or recreation;', {
      prefix: 'provided to the individual and ',
    });
    expect(page.slice(m!.start, m!.end)).toBe('the way in which it is provided);\n(e)participation in work, education, training or recreation;');
  });
});

describe('anchorInText (pure orchestrator)', () => {
  const index = createTextIndex(['Promoting ', 'individual ', 'well-being']);
  const q = (exact: string, prefix?: string, suffix?: string) => ({ type: 'TextQuoteSelector', exact, prefix, suffix });
  const p = (start: number, end: number) => ({ type: 'TextPositionSelector', start, end });

  it('is exact when the text at the position equals the quote', () => {
    expect(anchorInText(index, [q('individual'), p(10, 20)])).toEqual({ start: 10, end: 20, status: 'exact' });
  });
  it('is exact when the text at the position differs only by folding', () => {
    expect(anchorInText(index, [q('individual  well‑being'), p(10, 31)])).toEqual({ start: 10, end: 31, status: 'exact' });
  });
  it('is moved when the quote is found elsewhere', () => {
    expect(anchorInText(index, [q('individual'), p(0, 10)])).toEqual({ start: 10, end: 20, status: 'moved' });
  });
  it('is null (orphan) without a quote selector or when nothing matches', () => {
    expect(anchorInText(index, [p(0, 9)])).toBeNull();
    expect(anchorInText(index, [q('Secretary of State for Health'), p(0, 9)])).toBeNull();
  });
  it('ignores selector types it does not know', () => {
    expect(anchorInText(index, [{ type: 'CssSelector', value: 'p' }, q('well-being')])).toMatchObject({ start: 21, status: 'moved' });
  });
});
