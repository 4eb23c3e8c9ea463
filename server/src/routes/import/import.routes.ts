import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { exportHypothesis } from '../../../../utils/interop/hypothesis';
import { adoptW3cComment } from '../../../../utils/interop/w3c';
import { checkAnnotation as checkModelComment, type LeaAnnotation } from '../../../../utils/model/annotation';
import { checkAnnotation } from '../../annotations/check-annotation';
import { insertAnnotationSql, urnFor } from '../../annotations/rows';
import { noteFor, STAMP, type StampRow } from '../../annotations/write-annotations';
import { authenticate, bearerToken, requireAbility, requireOwnGroup } from '../../auth/middleware';
import { can, type Member } from '../../auth/roles';
import { hashSecret } from '../../auth/secrets';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { groupThemes } from '../themes/themes.handlers';
import { themeIdForTag, type Theme } from '../../../../utils/model/themes';
import { readBody } from '../../validate';

/** The most comments one import request carries (the CLI sends a file in such parts). */
export const MAX_IMPORT_ITEMS = 1000;
/** The name the store's import author goes by (a member that can never sign in). */
export const IMPORT_AUTHOR_NAME = 'Imported from other tools';

const ImportSchema = v.strictObject({
  comments: v.pipe(
    v.array(v.unknown(), 'validation.import.list'),
    v.maxLength(MAX_IMPORT_ITEMS, 'validation.import.tooMany'),
  ),
  dryRun: v.optional(v.boolean('validation.trueOrFalse'), false),
});

/** What happened to one comment of an import. */
export interface ImportItemResult {
  position: number;
  via: string | null;
  status: 'new' | 'already-there' | 'refused';
  reason?: string;
}

function isAdminToken(given: string, adminToken: string): boolean {
  const a = Buffer.from(hashSecret(given));
  const b = Buffer.from(hashSecret(adminToken));
  return timingSafeEqual(a, b);
}

/**
 * The group's import author: one members row per group, role member, never able to sign in
 * (no token, withdrawn from the start), so imported comments belong to no person.
 */
async function importAuthor(c: Context<AppEnv>, group: string): Promise<Member> {
  const { db, clock } = c.get('deps');
  const { rows: groups } = await db.query('select 1 from groups where id = $1', [group]);
  if (groups.length === 0) throw new ApiError(404, 'not-found', 'server.noSuchGroup');
  const id = `imported-${group}`;
  const now = clock().toISOString();
  await db.query(
    `insert into members (id, group_id, role, display_name, token_hash, created_at, revoked_at) values ($1, $2, 'member', $3, null, $4, $4)
     on conflict (id) do nothing`,
    [id, group, IMPORT_AUTHOR_NAME, now],
  );
  return { id, groupId: group, role: 'member', displayName: IMPORT_AUTHOR_NAME };
}

/** A comment's tagging bodies with the group's themes by id (other tags as they are). */
function withThemeIds(annotation: Record<string, unknown>, themes: readonly Theme[]): Record<string, unknown> {
  if (!Array.isArray(annotation.body)) return annotation;
  const body = annotation.body.map((b: unknown) => {
    const part = b as { purpose?: unknown; value?: unknown } | null;
    return part && part.purpose === 'tagging' && typeof part.value === 'string' ? { ...part, value: themeIdForTag(themes, part.value) } : b;
  });
  return { ...annotation, body };
}

const facilitatorOnly = requireAbility(can.facilitate, 'server.onlyFacilitatorImport');

/**
 * The store's admin token (comments then belong to the group's import author), or a
 * facilitator of this group (they belong to that facilitator).
 */
const facilitatorOrAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = bearerToken(c.req.header('authorization'));
  if (given && isAdminToken(given, c.get('deps').adminToken)) {
    c.set('member', await importAuthor(c, c.req.param('group')!));
    return next();
  }
  await authenticate(c, async () => {
    await requireOwnGroup(c, async () => {
      await facilitatorOnly(c, next);
    });
  });
};

/**
 * The id an imported comment gets in a group: a UUID (version 8, RFC 9562) from SHA-256 of
 * the group and `via`. The same original always lands on the same row, so "already there"
 * is a primary-key lookup and two imports racing cannot both add it.
 */
export function importedUuid(group: string, via: string): string {
  const bytes = createHash('sha256').update(`${group}\n${via}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Which of these ids the group has: live, or deleted (a tombstone). */
async function rowsThere(c: Context<AppEnv>, group: string, ids: string[]): Promise<Map<string, { deleted: boolean }>> {
  const { rows } = await c.get('deps').db.query<{ id: string; deleted: boolean }>('select id, deleted from annotations where group_id = $1 and id = any($2::text[])', [group, ids]);
  return new Map(rows.map((r) => [r.id, { deleted: r.deleted }]));
}

/**
 * `POST /api/groups/{group}/import` `{"comments": [...], "dryRun"?}`: comments (utils/model,
 * each with `via`, shared with the group) as utils/interop reads them from a file, each
 * stored under the id importedUuid gives it. Each is new, already there (its row, or the
 * group's annotation `via` names) or refused with the reason; with `dryRun` nothing is
 * written. New ones go in one statement.
 */
async function importComments(c: Context<AppEnv>) {
  const { db, notifier, clock } = c.get('deps');
  const member = c.get('member');
  const body = await readBody(c, ImportSchema);
  const results: ImportItemResult[] = [];
  const fresh: { position: number; uuid: string; annotation: Record<string, unknown>; via: string }[] = [];
  // Tags naming one of the group's themes (its label, any case) are stored as the theme's id.
  const themes = await groupThemes(db, member.groupId);
  body.comments.forEach((input, position) => {
    const via = input !== null && typeof input === 'object' && typeof (input as { via?: unknown }).via === 'string' ? (input as { via: string }).via : null;
    const refuse = (reason: string) => results.push({ position, via, status: 'refused', reason });
    if (!via) return refuse('It has no "via" (the original annotation\'s address), so a second import could not tell it is already here.');
    // The store chooses the id (see importedUuid); whatever id the file gave is replaced.
    const uuid = importedUuid(member.groupId, via);
    try {
      const checked = checkAnnotation({ ...(input as Record<string, unknown>), id: urnFor(uuid) }, urnFor(uuid));
      if (checked.kind !== 'comment' || !checked.lea) return refuse('Only comments (not replies or other annotations) are imported.');
      if (checked.visibility !== 'group') return refuse('Only comments shared with the group are imported.');
      fresh.push({ position, uuid, annotation: withThemeIds(checked.annotation, themes), via });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return refuse(error.message);
      throw error;
    }
  });
  // Already there: its own row (imported before), or the group's annotation its via names
  // (a file this store exported: via `urn:uuid:<uuid>`).
  const named = (via: string) => (/^urn:uuid:[0-9a-f-]{36}$/i.test(via) ? via.slice(9).toLowerCase() : null);
  const there = await rowsThere(c, member.groupId, [...fresh.map((f) => f.uuid), ...fresh.map((f) => named(f.via)).filter((x): x is string => x !== null)]);
  const seen = new Set<string>();
  const toWrite: typeof fresh = [];
  for (const f of fresh) {
    const own = there.get(f.uuid);
    const original = named(f.via);
    const live = (own && !own.deleted) || (original !== null && there.get(original)?.deleted === false);
    if (live || seen.has(f.uuid)) results.push({ position: f.position, via: f.via, status: 'already-there' });
    else if (own?.deleted) results.push({ position: f.position, via: f.via, status: 'refused', reason: 'It was imported before and then deleted in this group, so it is not brought back.' });
    else {
      seen.add(f.uuid);
      toWrite.push(f);
    }
  }
  let written = new Set<string>();
  if (!body.dryRun && toWrite.length > 0) {
    const payload = JSON.stringify(toWrite.map((f, ord) => ({ ord, id: f.uuid, annotation: f.annotation })));
    const sql = insertAnnotationSql(
      { group: '$1::text', id: 't.id', author: '$2::text', annotation: 't.annotation', visibility: `'group'::text`, kind: `'comment'::text`, target: 'null::text', now: '$3::timestamptz' },
      `from jsonb_to_recordset($4::jsonb) as t(ord int, id text, annotation jsonb) order by t.ord
       on conflict (group_id, id) do nothing
       returning id, ${STAMP}`,
    );
    const { rows } = await db.query<StampRow & { id: string }>(sql, [member.groupId, member.id, clock().toISOString(), payload]);
    written = new Set(rows.map((r) => r.id));
    const newest = rows.reduce<(StampRow & { id: string }) | null>((a, r) => (a === null || BigInt(r.seq) > BigInt(a.seq) ? r : a), null);
    if (newest) notifier.changed([noteFor(newest)]);
  }
  for (const f of toWrite) {
    if (body.dryRun || written.has(f.uuid)) results.push({ position: f.position, via: f.via, status: 'new' });
    // Written meanwhile by an import running at the same time.
    else results.push({ position: f.position, via: f.via, status: 'already-there' });
  }
  results.sort((a, b) => a.position - b.position);
  const count = (s: ImportItemResult['status']) => results.filter((r) => r.status === s).length;
  return c.json({ dryRun: body.dryRun, new: count('new'), alreadyThere: count('already-there'), refused: count('refused'), results });
}

/**
 * `GET /api/groups/{group}/export?format=hypothesis`: the group's live comments shared with
 * it (not hidden), plain W3C comments from other tools included, as the Hypothesis client's
 * export file.
 */
async function exportComments(c: Context<AppEnv>) {
  const format = c.req.query('format') ?? 'hypothesis';
  if (format !== 'hypothesis') throw new ApiError(400, 'invalid-body', 'server.exportFormat');
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { rows } = await db.query<{ id: string; annotation: Record<string, unknown>; kind: string | null }>(
    `select id, annotation, kind from annotations
       where group_id = $1 and not deleted and visibility = 'group' and hidden_reason is null and kind in ('comment', 'other')
       order by row_id`,
    [member.groupId],
  );
  const comments: LeaAnnotation[] = [];
  for (const row of rows) {
    const annotation = { ...row.annotation, id: urnFor(row.id) };
    if (row.kind === 'comment') {
      const checked = checkModelComment(annotation);
      if (checked.ok) comments.push(checked.value);
    } else {
      const adopted = adoptW3cComment(annotation);
      if (adopted) comments.push(adopted);
    }
  }
  c.header('Content-Disposition', `attachment; filename="hypothesis-export-${member.groupId}.json"`);
  return c.json(exportHypothesis(comments, { now: clock(), themes: await groupThemes(db, member.groupId) }));
}

/** Import and export for a group (mounted at /api/groups/:group). */
export function importRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/import', facilitatorOrAdmin, importComments);
  app.get('/export', facilitatorOrAdmin, exportComments);
  return app;
}
