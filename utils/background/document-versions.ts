/**
 * The addresses a page's lookup asks the local store for: the page's own, and every version
 * of it (utils/document/versions.ts: legislation.gov.uk rules and the group's links), with
 * the dated versions found among the documents that have comments on this computer.
 */
import { legislationVersion, versionKey, versionsOf, type DocumentLink } from '../document/versions';

/** What the expansion reads. */
export interface VersionSources {
  /** The group's links between documents (none when not connected). */
  links(): Promise<readonly DocumentLink[]>;
  /** Distinct document addresses of stored items starting with `prefix`. */
  documentsStartingWith(prefix: string): Promise<readonly string[]>;
}

/** `uris` followed by every address that is a version of one of them (deduplicated, in order). */
export async function withVersions(uris: readonly string[], sources: VersionSources): Promise<string[]> {
  const links = await sources.links();
  const out = new Set<string>(uris);
  for (const uri of uris) {
    const known: string[] = [];
    // Dated versions cannot be listed from the address: look for those with comments here.
    for (const candidate of versionsOf(uri, links)) {
      const key = legislationVersion(candidate) ? versionKey(candidate) : null;
      if (key) known.push(...(await sources.documentsStartingWith(`${key}/`)));
    }
    for (const version of versionsOf(uri, links, known)) out.add(version);
  }
  return [...out];
}
