/**
 * Putting a provision's versions together in a digest (issue 14, "Versions" 4): documents that
 * are versions of one another (legislation.gov.uk's own versions of a provision, and the
 * group's links, utils/document/versions.ts) become one document of the digest, and each
 * comment says which version it was written on. Pure.
 */
import { linkedKeys, versionName, type DocumentLink } from '../document/versions';
import { writtenOnSentence } from '../i18n/version-names';
import type { Translator } from '../i18n/translate';

export interface VersionGroups {
  /** One key for every version of the document at `address` (the address itself when it has no versions). */
  keyOf(address: string): string;
  /** "Written on the Care Bill (2013-14)", "Written on the version as enacted" (in the digest's language); `title` names a version known by nothing else. */
  writtenOn(address: string, title: string | undefined): string;
}

export function createVersionGroups(links: readonly DocumentLink[], i18n: Translator): VersionGroups {
  const keys = new Map<string, string>();
  return {
    keyOf(address) {
      let key = keys.get(address);
      if (key === undefined) {
        const joined = linkedKeys(address, links);
        // The smallest key of the versions joined: the same whichever version is asked about.
        key = joined.length === 0 ? address : joined.reduce((a, b) => (b < a ? b : a));
        keys.set(address, key);
      }
      return key;
    },
    writtenOn(address, title) {
      const name = versionName(address, links);
      if (name.kind === 'unknown') return writtenOnSentence(i18n, title ? { kind: 'label', label: title } : name);
      return writtenOnSentence(i18n, name);
    },
  };
}
