import { describe, expect, it } from 'vitest';
import { readMessageRefs, sayMessages } from './message-refs';
import { translator } from './translate';

describe('catalogue messages from outside', () => {
  it('reads messages whose keys are in the catalogue and says them in either language', () => {
    const refs = readMessageRefs([{ key: 'server.limitRange', params: { max: 500 } }]);
    expect(refs).not.toBeNull();
    expect(sayMessages(refs!, translator('cy').tr)).toBe('Rhaid i "limit" fod yn rhif cyfan o 1 i 500.');
    expect(sayMessages(refs!, translator('en-GB').tr)).toMatch(/500/);
  });

  it.each([
    ['an unknown key', [{ key: 'server.noSuchKeyAnywhere' }]],
    ['no messages', []],
    ['not a list', { key: 'server.limitRange' }],
    ['a parameter that is an object', [{ key: 'server.limitRange', params: { max: { evil: true } } }]],
    ['a parameter too long to be a field name', [{ key: 'server.limitRange', params: { max: 'x'.repeat(301) } }]],
    ['eleven messages', Array.from({ length: 11 }, () => ({ key: 'server.limitRange', params: { max: 1 } }))],
  ])('refuses %s', (_name, value) => {
    expect(readMessageRefs(value)).toBeNull();
  });
});
