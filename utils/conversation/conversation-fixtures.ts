import { buildAnnotation, type LeaAnnotation } from '../model';

/** A group comment on the Care Act 2014 s.1, for conversation tests (no personal data). */
export function commentFixture(id: string, overrides: Partial<{ text: string; anonymous: boolean }> = {}): LeaAnnotation {
  const built = buildAnnotation({
    id,
    now: new Date('2026-11-01T09:00:00Z'),
    draft: {
      text: overrides.text ?? 'Wellbeing should include being able to see my friends.',
      themes: ['Wellbeing and independence'],
      perspective: 'uses-care',
      attribution: overrides.anonymous ? 'anonymous' : 'named',
      visibility: 'group',
      kind: 'comment',
    },
    target: {
      source: 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'promote that individual’s well-being', prefix: 'duty to ', suffix: '.' },
        { type: 'TextPositionSelector', start: 100, end: 137 },
      ],
    },
    authorName: 'Alice',
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}
