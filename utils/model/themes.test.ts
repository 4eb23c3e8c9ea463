import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, LEA_CONTEXT, checkAnnotation, themesOf, type LeaAnnotation } from './annotation';
import { buildAnnotation, draftFromAnnotation, updateAnnotation } from './draft';
import {
  DEFAULT_THEMES,
  checkThemes,
  newThemeId,
  offeredThemes,
  themeIdForTag,
  themeIdOf,
  themeLabel,
  type Theme,
} from './themes';
import { MAKING_IT_REAL_THEMES } from './vocabulary';

const group: Theme[] = [
  { id: 'workforce', label: 'People who work in care', retired: false },
  { id: 'housing', label: 'Housing', retired: false },
  { id: 'information-and-advice', label: 'Information and advice', retired: true },
];

function stored(tags: string[]): LeaAnnotation {
  const checked = checkAnnotation({
    '@context': [ANNO_CONTEXT, LEA_CONTEXT],
    id: 'urn:uuid:0190a000-0000-7000-8000-000000000001',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Hello' }, ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }))],
    target: { source: 'https://example.org/p', selector: [{ type: 'TextQuoteSelector', exact: 'care' }, { type: 'TextPositionSelector', start: 0, end: 4 }] },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'anonymous',
  });
  if (!checked.ok) throw new Error(checked.problems.join());
  return checked.value;
}

describe('theme vocabulary', () => {
  it('has the six Making It Real themes with fixed ids, and the old label list follows it', () => {
    expect(DEFAULT_THEMES.map((t) => t.id)).toEqual([
      'wellbeing-and-independence',
      'information-and-advice',
      'active-and-supportive-communities',
      'flexible-and-integrated-care-and-support',
      'when-things-need-to-change',
      'workforce',
    ]);
    expect(MAKING_IT_REAL_THEMES).toEqual(DEFAULT_THEMES.map((t) => t.label));
    expect(DEFAULT_THEMES.every((t) => !t.retired)).toBe(true);
  });

  it('reads a legacy English label as its id, anything else unchanged', () => {
    expect(themeIdOf('Workforce')).toBe('workforce');
    expect(themeIdOf('  wellbeing AND  independence ')).toBe('wellbeing-and-independence');
    expect(themeIdOf('workforce')).toBe('workforce');
    expect(themeIdOf('Care Act')).toBe('Care Act');
  });

  it('labels a tag with the group’s words, the default words, or the tag itself', () => {
    expect(themeLabel(group, 'workforce')).toBe('People who work in care');
    expect(themeLabel(group, 'Workforce')).toBe('People who work in care');
    expect(themeLabel(group, 'when-things-need-to-change')).toBe('When things need to change');
    expect(themeLabel(DEFAULT_THEMES, 'housing')).toBe('housing');
    expect(themeLabel(group, 'Care Act')).toBe('Care Act');
  });

  it('maps typed tags to ids by the group’s labels first', () => {
    expect(themeIdForTag(group, ' people WHO work in care')).toBe('workforce');
    expect(themeIdForTag(group, 'housing')).toBe('housing');
    expect(themeIdForTag(group, 'Information and advice')).toBe('information-and-advice');
    expect(themeIdForTag(group, 'Workforce')).toBe('workforce');
    expect(themeIdForTag(group, ' Care Act ')).toBe('Care Act');
  });

  it('offers current themes, and a retired or foreign theme only to a comment that has it', () => {
    expect(offeredThemes(group).map((t) => t.id)).toEqual(['workforce', 'housing']);
    expect(offeredThemes(group, ['Information and advice', 'Care Act']).map((t) => [t.id, t.label])).toEqual([
      ['workforce', 'People who work in care'],
      ['housing', 'Housing'],
      ['information-and-advice', 'Information and advice'],
      ['Care Act', 'Care Act'],
    ]);
  });

  it('makes new ids from labels, unique in the group', () => {
    expect(newThemeId('Housing & homes', [])).toBe('housing-homes');
    expect(newThemeId('Workforce', DEFAULT_THEMES.map((t) => t.id))).toBe('workforce-2');
    expect(newThemeId('Café', [])).toBe('cafe');
    expect(newThemeId('!!!', [])).toBe('theme');
  });

  it('accepts only a well-formed theme list from outside', () => {
    expect(checkThemes(group)).toEqual(group);
    expect(checkThemes([{ id: 'Bad Id', label: 'x', retired: false }])).toBeNull();
    expect(checkThemes([{ id: 'ok', label: 'x'.repeat(61), retired: false }])).toBeNull();
    expect(checkThemes('nope')).toBeNull();
  });

  it('keeps a theme’s Welsh name (labelCy) from outside, checked like its label', () => {
    const welsh = [{ id: 'housing', label: 'Housing', labelCy: 'Tai', retired: false }];
    expect(checkThemes(welsh)).toEqual(welsh);
    expect(checkThemes([{ id: 'housing', label: 'Housing', labelCy: ' Tai ', retired: false }])).toEqual(welsh);
    for (const labelCy of ['', 'x'.repeat(61), 'Dwy\nlinell', 'Tab\there', 42, null]) {
      expect(checkThemes([{ id: 'housing', label: 'Housing', labelCy, retired: false }]), JSON.stringify(labelCy)).toBeNull();
    }
    expect(checkThemes([{ id: 'housing', label: 'Two\nlines', retired: false }])).toBeNull();
  });
});

describe('comments store theme ids', () => {
  it('a new comment carries ids, even when the draft named a legacy label', () => {
    const result = buildAnnotation({
      id: 'urn:uuid:0190a000-0000-7000-8000-000000000002',
      now: new Date('2026-01-01T00:00:00Z'),
      draft: { text: 'Hi', themes: ['Workforce', 'housing', 'Care Act'], perspective: 'carer', attribution: 'anonymous', visibility: 'group', kind: 'comment' },
      target: { source: 'https://example.org/p', selectors: [{ type: 'TextQuoteSelector', exact: 'care' }, { type: 'TextPositionSelector', start: 0, end: 4 }] },
      authorName: '',
    });
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.value.body.slice(1).map((b) => b.value)).toEqual(['workforce', 'housing', 'Care Act']);
  });

  it('a comment saved with labels reads back as ids, and saving it again stores the ids', () => {
    const old = stored(['Workforce', 'Information and advice', 'Care Act']);
    expect(themesOf(old)).toEqual(['workforce', 'information-and-advice', 'Care Act']);
    const draft = draftFromAnnotation(old);
    expect(draft.themes).toEqual(['workforce', 'information-and-advice', 'Care Act']);
    const again = updateAnnotation(old, draft, new Date('2026-01-02T00:00:00Z'), '');
    expect(again.ok && again.value.body.slice(1).map((b) => b.value)).toEqual(['workforce', 'information-and-advice', 'Care Act']);
  });
});
