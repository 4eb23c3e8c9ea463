import type { BackgroundResponses, DocumentListing } from '../messaging/protocol';
import type { LeaAnnotation } from '../model';
import type { AnnotationRepo, SyncRepo } from '../store';
import { withVersions } from './document-versions';

/** What the annotation service needs: the comment store, the sync facts, and what to do after a write. */
export interface AnnotationServiceDeps {
  annotations: Pick<AnnotationRepo, 'listForDocument' | 'listAll' | 'save' | 'remove' | 'get'> & Partial<Pick<AnnotationRepo, 'documentsStartingWith' | 'idsForDocument'>>;
  sync: Pick<SyncRepo, 'syncInfoFor' | 'getConnection'> & Partial<Pick<SyncRepo, 'getDocumentLinks' | 'getThemes'>>;
  /** Called after each local write (repaint the tabs, start a sync run); not awaited. */
  afterLocalChange: () => void;
  /** Called with a new comment's document: following it is automatic when I comment (notices); not awaited. */
  onNewComment?: (document: string) => void;
}

/**
 * Reading and writing comments for the pages and panels, with the sync facts each needs
 * (who wrote it, the person's role, what a facilitator hid). Writes go through the
 * annotation repo, so each comment lands with its outbox entry.
 */
export function createAnnotationService({ annotations, sync, afterLocalChange, onNewComment }: AnnotationServiceDeps) {
  return {
    /** A document's comments (any of its addresses), who wrote each, and the person's role. */
    async list(uris: readonly string[]): Promise<DocumentListing> {
      const connection = await sync.getConnection();
      // The comments on every version of the document too (document-versions.ts).
      const links = connection && sync.getDocumentLinks ? await sync.getDocumentLinks(connection.group) : [];
      const versions = await withVersions(uris, { links: async () => links, documentsStartingWith: async (prefix) => (await annotations.documentsStartingWith?.(prefix)) ?? [] });
      // The comments, who wrote each (their sync facts, found from the index's keys) and the
      // group's themes are read together: one after the other, the sync facts of 2,000 comments
      // alone added 80-240 ms to a page's first listing (bench:conversation).
      const [listing, themes, early] = await Promise.all([
        annotations.listForDocument(versions),
        sync.getThemes?.(connection?.group),
        annotations.idsForDocument ? annotations.idsForDocument(versions).then((ids) => sync.syncInfoFor(ids)) : undefined,
      ]);
      const info = early ?? (await sync.syncInfoFor(listing.annotations.map((a) => a.id)));
      const authors = Object.fromEntries(listing.annotations.map((a) => [a.id, info[a.id]?.author ?? 'me']));
      return { ...listing, authors, role: connection?.role ?? null, ...(links.length > 0 ? { links } : {}), ...(themes ? { themes } : {}) };
    },

    /** Every comment on this computer, with those a facilitator hid (for the whole-group digest). */
    async all(): Promise<BackgroundResponses['annotations/all']> {
      const listing = await annotations.listAll();
      const info = await sync.syncInfoFor(listing.annotations.map((a) => a.id));
      const hidden = Object.fromEntries(Object.values(info).flatMap((i) => (i.hidden ? [[i.id, i.hidden]] : [])));
      const themes = sync.getThemes ? await sync.getThemes((await sync.getConnection())?.group) : undefined;
      return { ...listing, hidden, ...(themes ? { themes } : {}) };
    },

    /** Save a new or edited comment (validated by the repo); resolves once it is in IndexedDB. */
    async save(annotation: unknown): Promise<{ annotation: LeaAnnotation }> {
      const id = (annotation as { id?: unknown } | null)?.id;
      const isNew = typeof id !== 'string' || (await annotations.get(id)) === null;
      const saved = await annotations.save(annotation);
      afterLocalChange();
      if (isNew) onNewComment?.(saved.target.source);
      return { annotation: saved };
    },

    /** Delete a comment; answers what was deleted so the panel can offer undo. */
    async remove(id: string): Promise<{ deleted: LeaAnnotation | null }> {
      const deleted = await annotations.remove(id);
      afterLocalChange();
      return { deleted };
    },
  };
}

/** The annotation service as the message handlers use it. */
export type AnnotationService = ReturnType<typeof createAnnotationService>;
