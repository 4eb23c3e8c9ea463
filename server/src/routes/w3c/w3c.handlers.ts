import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { checkAnnotation, idKey } from '../../annotations/check-annotation';
import { requireRoleForMotivation } from '../../annotations/conversation-rules';
import { containerSummary, getAnnotation, listContainer } from '../../annotations/read-annotations';
import { urnFor } from '../../annotations/rows';
import { deleteAnnotation, parseEtag, putAnnotation } from '../../annotations/write-annotations';
import type { AppEnv } from '../../context';
import { ApiError, msg } from '../../errors';
import { readJson, uuidParam } from '../../validate';
import { groupThemes } from '../themes/themes.handlers';
import {
  ANNO_MEDIA_TYPE,
  ANNOTATION_ALLOW,
  CONTAINER_ALLOW,
  CONTAINER_LINKS,
  containedItem,
  fromW3cTags,
  LDP_RESOURCE_LINK,
  PAGE_SIZE,
  parsePrefer,
  storeBase,
  targetContext,
  toW3c,
  vocabularyTag,
} from './w3c-format';

/** `https://host/annotations/{group}/`: from PUBLIC_URL, or the request's own origin. */
function containerIri(c: Context<AppEnv>): string {
  return `${storeBase(c)}/annotations/${c.get('member').groupId}/`;
}

function ld(c: Context<AppEnv>, body: unknown, status: 200 | 201 = 200): Response {
  c.header('Content-Type', ANNO_MEDIA_TYPE);
  return c.body(JSON.stringify(body), status);
}

function itemHeaders(c: Context<AppEnv>, revision: string): void {
  c.header('ETag', `"${revision}"`);
  c.header('Link', LDP_RESOURCE_LINK);
  c.header('Allow', ANNOTATION_ALLOW);
  c.header('Vary', 'Accept');
}

function containerHeaders(c: Context<AppEnv>): void {
  c.header('Link', CONTAINER_LINKS);
  c.header('Allow', CONTAINER_ALLOW);
  c.header('Accept-Post', ANNO_MEDIA_TYPE);
  c.header('Vary', 'Accept, Prefer');
}

/** `GET /annotations/{group}/`: the AnnotationCollection, or one AnnotationPage with `?page=`. */
export async function getContainer(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const base = containerIri(c);
  const pageParam = c.req.query('page');
  const irisParam = c.req.query('iris');
  // Checked first: the page number goes into the ETag header, which carries ASCII only.
  if (pageParam !== undefined && !/^\d{1,9}$/.test(pageParam)) throw new ApiError(400, 'invalid-body', 'server.pageNumber');
  const pref = parsePrefer(c.req.header('prefer'));
  const iris = irisParam === undefined ? pref.iris : irisParam === '1';
  const [summary, themes] = await Promise.all([containerSummary(db, member), groupThemes(db, member.groupId)]);
  // The default representation (descriptions) is the container itself; the IRIs one has its own IRI.
  const collectionId = iris ? `${base}?iris=1` : base;
  const pageIri = (n: number) => `${collectionId}${iris ? '&' : '?'}page=${n}`;
  // Every container response names the representation it is (W3C protocol §4.2, the test suite's check).
  const contentLocation = pageParam === undefined ? collectionId : pageIri(Number(pageParam));
  // Descriptions carry the themes' names: renaming one is a new representation (only the group's
  // own vocabulary goes in, which every member may read).
  const names = iris ? '' : `.${vocabularyTag(themes)}`;
  const etag = `W/"${summary.tag}.${iris ? 'i' : 'd'}${pref.minimal ? 'm' : ''}${pageParam ?? ''}${names}"`;
  containerHeaders(c);
  c.header('ETag', etag);
  c.header('Content-Location', contentLocation);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const pageCount = Math.ceil(summary.total / PAGE_SIZE);
  const partOf = { id: collectionId, total: summary.total, ...(summary.modified ? { modified: summary.modified } : {}) };

  async function page(n: number) {
    const rows = await listContainer(db, member, n * PAGE_SIZE, PAGE_SIZE);
    return {
      id: pageIri(n),
      type: 'AnnotationPage',
      startIndex: n * PAGE_SIZE,
      ...(n > 0 ? { prev: pageIri(n - 1) } : {}),
      ...(n + 1 < pageCount ? { next: pageIri(n + 1) } : {}),
      items: rows.map((r) => containedItem(r, base, iris, themes)),
    };
  }

  if (pageParam !== undefined) {
    const n = Number(pageParam);
    if (n > 0 && n >= pageCount) throw new ApiError(404, 'not-found', msg('server.noSuchPage', { n, count: pageCount }));
    return ld(c, { '@context': 'http://www.w3.org/ns/anno.jsonld', ...(await page(n)), partOf });
  }
  if (pref.applied) c.header('Preference-Applied', 'return=representation');
  const { rows: groups } = await db.query<{ name: string }>('select name from groups where id = $1', [member.groupId]);
  const first = summary.total === 0 ? {} : { first: pref.minimal ? pageIri(0) : { ...(await page(0)), partOf: collectionId }, last: pageIri(pageCount - 1) };
  return ld(c, {
    '@context': ['http://www.w3.org/ns/anno.jsonld', 'http://www.w3.org/ns/ldp.jsonld'],
    id: collectionId,
    type: ['BasicContainer', 'AnnotationCollection'],
    label: groups[0]?.name ?? 'Annotations',
    total: summary.total,
    ...(summary.modified ? { modified: summary.modified } : {}),
    ...first,
  });
}

/** Read a W3C request body and give it the store id `urn:uuid:<uuid>`. */
async function readW3cAnnotation(c: Context<AppEnv>, uuid: string, itemIri: string | null) {
  const input = await readJson(c);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, 'invalid-body', 'server.annotationNotJsonLd');
  }
  const record = { ...(input as Record<string, unknown>) };
  requireRoleForMotivation(c.get('member'), record);
  const key = idKey(record);
  const given = record[key];
  if (itemIri !== null && given !== undefined && given !== itemIri && given !== urnFor(uuid)) {
    throw new ApiError(400, 'invalid-body', msg('server.idMustBeAddress', { iri: itemIri }));
  }
  record[key] = urnFor(uuid);
  const themes = await groupThemes(c.get('deps').db, c.get('member').groupId);
  return { checked: checkAnnotation(fromW3cTags(record, themes), urnFor(uuid), targetContext(c, c.get('member').groupId)), themes };
}

/** `POST /annotations/{group}/`: create; 201 with Location and the stored annotation. */
export async function postToContainer(c: Context<AppEnv>) {
  const { db, notifier, clock } = c.get('deps');
  const uuid = randomUUID();
  const { checked, themes } = await readW3cAnnotation(c, uuid, null);
  const result = await putAnnotation({ db, notifier, now: clock() }, c.get('member'), uuid, checked, { ifNoneMatch: '*' });
  const iri = `${containerIri(c)}${uuid}`;
  itemHeaders(c, result.revision);
  c.header('Location', iri);
  return ld(c, toW3c(result.annotation, iri, checked.kind, themes), 201);
}

/** `GET /annotations/{group}/{uuid}`. */
export async function getItem(c: Context<AppEnv>) {
  const uuid = uuidParam(c.req.param('uuid'));
  const { db } = c.get('deps');
  const { annotation, revision, row } = await getAnnotation(db, c.get('member'), uuid);
  itemHeaders(c, revision);
  if (parseEtag(c.req.header('if-none-match')) === revision) return c.body(null, 304);
  return ld(c, toW3c(annotation, `${containerIri(c)}${uuid}`, row.kind, await groupThemes(db, c.get('member').groupId)));
}

/** `PUT /annotations/{group}/{uuid}`: replace; needs If-Match with the current ETag. */
export async function putItem(c: Context<AppEnv>) {
  const { db, notifier, clock } = c.get('deps');
  const uuid = uuidParam(c.req.param('uuid'));
  const ifMatch = c.req.header('if-match');
  if (!ifMatch) throw new ApiError(428, 'precondition-required', 'server.w3cIfMatch');
  const iri = `${containerIri(c)}${uuid}`;
  const { checked, themes } = await readW3cAnnotation(c, uuid, iri);
  try {
    const result = await putAnnotation({ db, notifier, now: clock() }, c.get('member'), uuid, checked, { ifMatch });
    itemHeaders(c, result.revision);
    return ld(c, toW3c(result.annotation, iri, checked.kind, themes));
  } catch (error) {
    if (error instanceof ApiError && error.status === 412 && error.extra.current === null) {
      throw new ApiError(404, 'not-found', 'server.w3cNoSuchCreate');
    }
    throw error;
  }
}

/** `DELETE /annotations/{group}/{uuid}` → 204. */
export async function deleteItem(c: Context<AppEnv>) {
  const { db, notifier, clock } = c.get('deps');
  const uuid = uuidParam(c.req.param('uuid'));
  const { deletedNow } = await deleteAnnotation({ db, notifier, now: clock() }, c.get('member'), uuid, { ifMatch: c.req.header('if-match') });
  if (!deletedNow) throw new ApiError(404, 'not-found', 'server.w3cNoSuch');
  return c.body(null, 204);
}

/** `OPTIONS` on the container. */
export function optionsContainer(c: Context<AppEnv>) {
  containerHeaders(c);
  return c.body(null, 200);
}

/** `OPTIONS` on an annotation. */
export function optionsItem(c: Context<AppEnv>) {
  c.header('Allow', ANNOTATION_ALLOW);
  c.header('Link', LDP_RESOURCE_LINK);
  c.header('Vary', 'Accept');
  return c.body(null, 200);
}
