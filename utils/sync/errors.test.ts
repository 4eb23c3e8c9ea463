import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLanguage } from '../i18n/current-language';
import { SYNC_MESSAGES } from './errors';

describe('sync errors speak the extension’s language', () => {
  afterEach(() => setCurrentLanguage('en-GB'));
  it('reads each sentence in the language set when it is needed', () => {
    expect(SYNC_MESSAGES.offline).toMatch(/^Can't reach the group store/);
    setCurrentLanguage('cy');
    expect(SYNC_MESSAGES.offline).toMatch(/^Does dim modd cyrraedd storfa’r grŵp/);
    expect(SYNC_MESSAGES.revoked).toBe('Mae eich gwahoddiad wedi’i dynnu’n ôl: gofynnwch i’ch hwylusydd am un newydd.');
    // Every sentence has words in both languages.
    for (const text of Object.values(SYNC_MESSAGES)) expect(text.length).toBeGreaterThan(10);
    expect(Object.keys(SYNC_MESSAGES)).toHaveLength(14);
  });
});
