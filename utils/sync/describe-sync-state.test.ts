import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { SYNC_STATE_CASES } from './describe-sync-state-cases';
import { describeSyncState, sentenceFrom } from './describe-sync-state';

describe('describeSyncState', () => {
  it.each(SYNC_STATE_CASES)('$name → "$sentence"', ({ status, now, sentence, needsAttention }) => {
    const described = describeSyncState(status, new Date(now));
    expect({ sentence: described.sentence, needsAttention: described.needsAttention }).toEqual({ sentence, needsAttention });
    // The parts, shown in English, are the same sentence.
    expect(sentenceFrom(translator('en-GB').tr, described.sentenceParts)).toBe(sentence);
  });

  it.each(SYNC_STATE_CASES)('$name: every part has a Welsh translation', ({ status, now, sentence }) => {
    const welsh = sentenceFrom(translator('cy').tr, describeSyncState(status, new Date(now)).sentenceParts);
    expect(welsh).not.toMatch(/^sync\./);
    // Only the store's own words (kept as they came) may stay in English.
    if (!/refused|damaged|doesn’t allow/.test(sentence)) expect(welsh).not.toBe(sentence);
  });

  it('says the status in Welsh: waiting items, offline and time since the last try', () => {
    const cy = translator('cy');
    const say = (name: string) => {
      const c = SYNC_STATE_CASES.find((x) => x.name === name)!;
      return sentenceFrom(cy.tr, describeSyncState(c.status, new Date(c.now)).sentenceParts);
    };
    expect(say('nothing to send')).toBe('Popeth wedi’i gadw');
    expect(say('several waiting, offline')).toBe('3 sylw yn aros i’w hanfon (all-lein)');
    expect(say('replies and supports waiting are named for what they are')).toBe('1 sylw, 2 ateb a 1 “dyma fy mhrofiad i hefyd” yn aros i’w hanfon');
    expect(say('offline with nothing waiting')).toBe('Methu cyrraedd storfa’r grŵp: rhoi cynnig arni ddiwethaf 2 munud yn ôl');
    expect(say('two conflicts')).toBe('Mae gan 2 sylw ddwy fersiwn: dewiswch pa un i’w chadw');
  });
});
