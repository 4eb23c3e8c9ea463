import type { FetchResponse } from './http';
import { readBody } from './http';
import {
  FollowsResponseSchema,
  HideResponseSchema,
  LinkCodeResponseSchema,
  MeResponseSchema,
  ModerationResponseSchema,
  NoticesStateResponseSchema,
  ReportResponseSchema,
} from './schemas';

/** How the store client sends one request (its `send`, with auth and error mapping). */
export type Send = (method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }) => Promise<FetchResponse>;

/**
 * The conversation's calls to the group store (notes/contract.md): reports, moderation,
 * notices state, follows, profile and link codes. Replies and supports themselves travel as
 * annotations through `putAnnotation`. Every answer is validated.
 */
export function createConversationCalls(send: Send, groupPath: (group: string) => string, uuidOf: (id: string) => string) {
  return {
    /** Report a comment or reply to the group's facilitators (again: the same report). */
    async report(group: string, id: string, reason: string) {
      return readBody(await send('POST', `${groupPath(group)}/annotations/${uuidOf(id)}/reports`, { body: { reason } }), ReportResponseSchema);
    },
    /** Facilitators: reported items and the moderation record. */
    async moderation(group: string) {
      return readBody(await send('GET', `${groupPath(group)}/moderation`), ModerationResponseSchema);
    },
    /** Facilitators: close the open reports on `id`. */
    async dismissReports(group: string, id: string, reason: string): Promise<void> {
      await send('POST', `${groupPath(group)}/annotations/${uuidOf(id)}/reports/dismiss`, { body: { reason } });
    },
    /** Facilitators: hide (`hidden`) or show again an annotation, with a reason. */
    async setHidden(group: string, id: string, hidden: boolean, reason: string) {
      const response = await send(hidden ? 'POST' : 'DELETE', `${groupPath(group)}/annotations/${uuidOf(id)}/hide`, { body: { reason } });
      return readBody(response, HideResponseSchema);
    },
    /** My read notice ids and followed documents. */
    async noticesState() {
      return readBody(await send('GET', '/api/me/notices'), NoticesStateResponseSchema);
    },
    /** Mark notices read (at most 500 ids a call). */
    async markNoticesRead(ids: readonly string[]): Promise<void> {
      await send('POST', '/api/me/notices/read', { body: { ids } });
    },
    /** Follow or stop following a document; answers every followed document. */
    async setFollow(document: string, following: boolean) {
      return (await readBody(await send('PUT', '/api/me/follows', { body: { document, following } }), FollowsResponseSchema)).follows;
    },
    /** Change my profile (`null` or '' clears a field: the store takes '' for that); answers as `GET /api/me`. */
    async updateProfile(patch: { displayName?: string; jobTitle?: string | null; organisation?: string | null }) {
      const body = Object.fromEntries(Object.entries(patch).map(([k, value]) => [k, value ?? '']));
      return readBody(await send('PATCH', '/api/me', { body }), MeResponseSchema);
    },
    /** A single-use code (15 minutes) to link another browser to me. */
    async createLinkCode() {
      return readBody(await send('POST', '/api/me/link-codes'), LinkCodeResponseSchema);
    },
  };
}
