/**
 * The group's links between document versions (PROTOCOL.md "Document versions"), as last
 * fetched by the sync engine: kept in the `meta` store with the group they came from, so
 * another group's links are never used. They name no member.
 */
import * as v from 'valibot';
import type { DocumentLink } from '../document/versions';
import type { LeaDb } from './db';

export const DOCUMENT_LINKS_KEY = 'documentLinks';

/** Most links kept (the store keeps at most 1000 per group). */
export const MAX_DOCUMENT_LINKS = 1000;

const Address = v.pipe(v.string(), v.maxLength(2048));
const Label = v.nullable(v.pipe(v.string(), v.maxLength(200)));

/** One link as `GET /api/groups/{group}/document-links` lists it. */
export const DocumentLinkSchema = v.object({
  id: v.pipe(v.string(), v.maxLength(100)),
  earlier: Address,
  later: Address,
  earlierLabel: v.optional(Label, null),
  laterLabel: v.optional(Label, null),
});

/** The store's answer to `GET .../document-links`. */
export const DocumentLinksResponseSchema = v.object({ links: v.pipe(v.array(DocumentLinkSchema), v.maxLength(MAX_DOCUMENT_LINKS)) });

const StoredSchema = v.object({ group: v.string(), links: v.array(DocumentLinkSchema) });

/** The links of `group` (none when they were fetched for another group, or never). */
export async function getDocumentLinks(db: LeaDb, group: string | null | undefined): Promise<DocumentLink[]> {
  if (!group) return [];
  const stored = v.safeParse(StoredSchema, await db.get('meta', DOCUMENT_LINKS_KEY));
  return stored.success && stored.output.group === group ? stored.output.links : [];
}

/** Replace the kept links with those just fetched for `group`; true when they changed. */
export async function setDocumentLinks(db: LeaDb, group: string, links: readonly DocumentLink[]): Promise<boolean> {
  const before = await getDocumentLinks(db, group);
  await db.put('meta', { group, links: [...links] }, DOCUMENT_LINKS_KEY);
  return JSON.stringify(before) !== JSON.stringify(links);
}
