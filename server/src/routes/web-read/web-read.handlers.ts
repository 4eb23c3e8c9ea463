import type { Context } from 'hono';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LENGTH, MAX_SEARCH_LIMIT } from '../../../../utils/webapp/read-types';
import type { AppEnv } from '../../context';
import { ApiError, msg } from '../../errors';
import { uuidParam } from '../../validate';
import { readCommentPage, readDocumentPage } from './document.queries';
import { readOverview } from './overview.queries';
import { searchGroup } from './search.queries';

/** The longest document address accepted (as document links: 2048 characters). */
const MAX_SOURCE_LENGTH = 2048;

/** A query parameter given once at most (a repeated one is refused rather than guessed). */
function single(c: Context<AppEnv>, name: string): string | undefined {
  const all = c.req.queries(name);
  if (all && all.length > 1) throw new ApiError(400, 'invalid-body', msg('server.giveOnce', { name }));
  return all?.[0];
}

/** `GET /api/groups/{group}/overview`: documents with their counts, and recent activity. */
export async function getOverview(c: Context<AppEnv>) {
  return c.json(await readOverview(c.get('deps').db, c.get('member')));
}

/** `GET /api/groups/{group}/document?source=<address>`: one document's comments and threads. */
export async function getDocument(c: Context<AppEnv>) {
  const source = single(c, 'source')?.trim() ?? '';
  if (source === '') throw new ApiError(400, 'invalid-body', 'server.whichDocument');
  if (source.length > MAX_SOURCE_LENGTH) throw new ApiError(400, 'invalid-body', msg('server.sourceTooLong', { max: MAX_SOURCE_LENGTH }));
  return c.json(await readDocumentPage(c.get('deps').db, c.get('member'), source));
}

/** `GET /api/groups/{group}/comments/{uuid}`: a comment's thread, for its permanent link. */
export async function getComment(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  return c.json(await readCommentPage(c.get('deps').db, c.get('member'), uuid));
}

function parseSearchLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEARCH_LIMIT;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_SEARCH_LIMIT) {
    throw new ApiError(400, 'invalid-body', msg('server.limitRange', { max: MAX_SEARCH_LIMIT }));
  }
  return Number(text);
}

/** `GET /api/groups/{group}/search?q=<words>&limit=<n>`: the best matches and how many in all. */
export async function getSearch(c: Context<AppEnv>) {
  const words = (single(c, 'q') ?? '').trim();
  if (words === '') throw new ApiError(400, 'invalid-body', 'server.searchEmpty');
  if (words.length > MAX_SEARCH_LENGTH) throw new ApiError(400, 'invalid-body', msg('server.searchTooLong', { max: MAX_SEARCH_LENGTH }));
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(words)) throw new ApiError(400, 'invalid-body', 'server.searchPlainText');
  const limit = parseSearchLimit(single(c, 'limit'));
  return c.json(await searchGroup(c.get('deps').db, c.get('member'), words, limit));
}
