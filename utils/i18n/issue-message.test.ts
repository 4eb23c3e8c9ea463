import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildReply } from '../model/conversation';
import { ThemeLabelSchema } from '../model/themes';
import { describeIssues, issueMessage, issueRef } from './issue-message';
import { translator } from './translate';

const issuesOf = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error('expected a problem');
  return result.issues;
};

describe('a schema problem in the reader’s words', () => {
  it('says a catalogue key in English or Welsh, with the schema’s own limit', () => {
    const [issue] = issuesOf(ThemeLabelSchema, 'x'.repeat(61));
    expect(issueRef(issue!)).toEqual({ key: 'validation.theme.tooLong', params: { max: 60 } });
    expect(issueMessage(issue!, translator('en-GB').tr)).toBe('A theme name can be up to 60 characters long.');
    expect(issueMessage(issue!, translator('cy').tr)).toBe('Gall enw thema fod hyd at 60 nod o hyd.');
  });

  it('shows a message that is not a key as it is (another library’s, valibot’s own)', () => {
    const [own] = issuesOf(v.pipe(v.string(), v.minLength(2, 'Two letters at least.')), 'x');
    expect(issueRef(own!)).toBeNull();
    expect(issueMessage(own!, translator('cy').tr)).toBe('Two letters at least.');
    const [generic] = issuesOf(v.string(), 5);
    expect(issueMessage(generic!, translator('cy').tr)).toMatch(/^Invalid type/);
  });

  it('names where a problem is inside the data, in the reader’s words', () => {
    const issues = issuesOf(v.object({ label: ThemeLabelSchema }), { label: '' });
    expect(describeIssues(issues, translator('en-GB').tr)).toEqual(['Please give the theme a name. (at label)']);
    expect(describeIssues(issues, translator('cy').tr)).toEqual(['Rhowch enw i’r thema. (yn label)']);
  });

  it('lets the model say its problems in the language it is given (a Welsh reader’s empty reply)', () => {
    const options = { id: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000001', now: new Date(0), parentId: 'urn:uuid:0190f0e8-7c1a-7000-8000-000000000002', draft: { text: '  ', answer: null, attribution: 'named' as const }, authorName: 'Sam' };
    const welsh = buildReply({ ...options, say: translator('cy').tr });
    expect(!welsh.ok && welsh.problems).toEqual(['Ysgrifennwch rywbeth yn eich ateb cyn ei anfon. (yn body.0.value)']);
    const english = buildReply(options);
    expect(!english.ok && english.problems).toEqual(['Please write something in your reply before sending it. (at body.0.value)']);
  });
});
