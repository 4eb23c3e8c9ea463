import type { Context } from 'hono';
import { announceGroupChange } from '../../changes/group-events';
import type { AppEnv } from '../../context';
import type { Queryable } from '../../db/db';
import { ApiError, msg } from '../../errors';
import { readBody } from '../../validate';
import { translator } from '../../../../utils/i18n/translate';
import { vocabularyKey } from '../../../../utils/i18n/vocabulary-labels';
import type { MessageKey } from '../../../../utils/i18n/catalogue';
import { DEFAULT_THEMES, MAX_THEMES, newThemeId, type Theme } from '../../../../utils/model/themes';
import { NewThemeSchema, ThemeChangeSchema } from './themes.schemas';

interface ThemeRow {
  id: string;
  label: string;
  label_cy: string | null;
  retired_at: Date | string | null;
}

/** A row as the API shows it: `labelCy` only when the group gave the theme a Welsh name. */
const toTheme = (r: ThemeRow): Theme => ({ id: r.id, label: r.label, ...(r.label_cy !== null ? { labelCy: r.label_cy } : {}), retired: r.retired_at !== null });

const COLUMNS = 'id, label, label_cy, retired_at';

/** The group's own themes in display order (none: the group uses the defaults). */
async function ownThemes(db: Queryable, group: string): Promise<ThemeRow[]> {
  const { rows } = await db.query<ThemeRow>(`select ${COLUMNS} from group_themes where group_id = $1 order by position, id`, [group]);
  return rows;
}

/** The vocabulary a group uses: its own themes, or Making It Real when it has none. */
export async function groupThemes(db: Queryable, group: string): Promise<Theme[]> {
  const rows = await ownThemes(db, group);
  return rows.length > 0 ? rows.map(toTheme) : DEFAULT_THEMES.map((t) => ({ ...t }));
}

/** The group's first change copies the defaults in, so they can be renamed and retired like its own. */
async function copyDefaults(db: Queryable, group: string, now: string): Promise<void> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from group_themes where group_id = $1', [group]);
  if (Number(rows[0]?.n ?? 0) > 0) return;
  await db.query(
    `insert into group_themes (group_id, id, label, position, retired_at, created_at)
     select $1, d.id, d.label, d.position, null, $4::timestamptz
     from unnest($2::text[], $3::text[]) with ordinality as d (id, label, position)
     on conflict do nothing`,
    [group, DEFAULT_THEMES.map((t) => t.id), DEFAULT_THEMES.map((t) => t.label), now],
  );
}

function duplicate(label: string, existing: ThemeRow): ApiError {
  return new ApiError(
    409,
    'conflict',
    existing.retired_at === null
      ? msg('server.themeNameTaken', { label: existing.label })
      : msg('server.themeNameRetired', { label: existing.label }),
  );
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');
/**
 * The Welsh name Welsh readers see for a row: the group's, else the catalogue's for a default
 * theme the group has not renamed (as themeName shows it), else none.
 */
function welshOf(r: ThemeRow): string | null {
  if (r.label_cy !== null) return r.label_cy;
  const standard = DEFAULT_THEMES.some((d) => d.id === r.id && d.label === r.label);
  return standard ? translator('cy').t(vocabularyKey('theme', r.id) as MessageKey) : null;
}

const sameWelsh = (r: ThemeRow, b: string) => {
  const a = welshOf(r);
  return a !== null && a.toLocaleLowerCase('cy') === b.toLocaleLowerCase('cy');
};

function duplicateWelsh(existing: ThemeRow): ApiError {
  return new ApiError(409, 'conflict', msg('server.themeWelshTaken', { label: existing.label, labelCy: welshOf(existing) ?? '' }));
}

/** `GET /api/groups/{group}/themes` (every role): `{ themes }` in display order, the defaults when the group has none. */
export async function listThemes(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  return c.json({ themes: await groupThemes(db, c.get('member').groupId) });
}

/** `POST /api/groups/{group}/themes {"label", "labelCy"?}` (facilitators) → 201 with the new theme, last in the order. */
export async function addTheme(c: Context<AppEnv>) {
  const { label, labelCy } = await readBody(c, NewThemeSchema);
  const { db, clock } = c.get('deps');
  const group = c.get('member').groupId;
  const now = clock().toISOString();
  const theme = await db.transaction(async (tx) => {
    // One change to a group's vocabulary at a time (two facilitators adding the same name).
    await tx.query('select id from groups where id = $1 for update', [group]);
    await copyDefaults(tx, group, now);
    const rows = await ownThemes(tx, group);
    const same = rows.find((r) => sameName(r.label, label));
    if (same) throw duplicate(label, same);
    const sameCy = labelCy === undefined ? undefined : rows.find((r) => sameWelsh(r, labelCy));
    if (sameCy) throw duplicateWelsh(sameCy);
    if (rows.length >= MAX_THEMES) throw new ApiError(409, 'conflict', msg('server.tooManyThemes', { max: MAX_THEMES }));
    const id = newThemeId(label, [...rows.map((r) => r.id), ...DEFAULT_THEMES.map((t) => t.id)]);
    const { rows: added } = await tx.query<ThemeRow>(
      `insert into group_themes (group_id, id, label, label_cy, position, retired_at, created_at)
       values ($1, $2, $3, $5, (select coalesce(max(position), 0) + 1 from group_themes where group_id = $1), null, $4)
       returning ${COLUMNS}`,
      [group, id, label, now, labelCy ?? null],
    );
    return toTheme(added[0]!);
  });
  await announceGroupChange(c, 'themes');
  return c.json(theme, 201);
}

/**
 * `PATCH /api/groups/{group}/themes/{id} {"label"?, "labelCy"?, "retired"?}` (facilitators) → 200
 * with the theme: rename, give or change its Welsh name (null removes it), retire or bring back.
 * Comments keep the id, so a new name shows everywhere.
 */
export async function changeTheme(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const change = await readBody(c, ThemeChangeSchema);
  const { db, clock } = c.get('deps');
  const group = c.get('member').groupId;
  const now = clock().toISOString();
  const theme = await db.transaction(async (tx) => {
    await tx.query('select id from groups where id = $1 for update', [group]);
    const before = await ownThemes(tx, group);
    const known = before.length > 0 ? before.some((r) => r.id === id) : DEFAULT_THEMES.some((t) => t.id === id);
    if (!known) throw new ApiError(404, 'not-found', 'server.noSuchTheme');
    await copyDefaults(tx, group, now);
    const others = (await ownThemes(tx, group)).filter((r) => r.id !== id);
    if (change.label !== undefined) {
      const same = others.find((r) => sameName(r.label, change.label!));
      if (same) throw duplicate(change.label, same);
    }
    const labelCy = change.labelCy;
    if (labelCy) {
      const sameCy = others.find((r) => sameWelsh(r, labelCy));
      if (sameCy) throw duplicateWelsh(sameCy);
    }
    const { rows } = await tx.query<ThemeRow>(
      `update group_themes
       set label = coalesce($3, label),
           label_cy = case when $6::boolean then $7::text else label_cy end,
           retired_at = case when $4::boolean is null then retired_at when $4::boolean then coalesce(retired_at, $5::timestamptz) else null end
       where group_id = $1 and id = $2
       returning ${COLUMNS}`,
      [group, id, change.label ?? null, change.retired ?? null, now, labelCy !== undefined, labelCy ?? null],
    );
    return toTheme(rows[0]!);
  });
  await announceGroupChange(c, 'themes');
  return c.json(theme, 200);
}
