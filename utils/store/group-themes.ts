/**
 * The group's theme vocabulary (PROTOCOL.md "Themes"), as last fetched by the sync engine:
 * kept in the `meta` store with the group it came from, so another group's themes are never
 * used, and checked on every read. Without a group, or before the first fetch, the defaults.
 */
import * as v from 'valibot';
import { DEFAULT_THEMES, ThemeListSchema, type Theme } from '../model/themes';
import type { LeaDb } from './db';

export const GROUP_THEMES_KEY = 'groupThemes';

const StoredSchema = v.object({ group: v.string(), themes: ThemeListSchema });

const defaults = (): Theme[] => DEFAULT_THEMES.map((t) => ({ ...t }));

/** The vocabulary of `group`: as last fetched for it, else Making It Real. */
export async function getGroupThemes(db: LeaDb, group: string | null | undefined): Promise<Theme[]> {
  if (!group) return defaults();
  const stored = v.safeParse(StoredSchema, await db.get('meta', GROUP_THEMES_KEY));
  return stored.success && stored.output.group === group && stored.output.themes.length > 0 ? stored.output.themes : defaults();
}

/** Keep the vocabulary just fetched for `group`; true when it differs from what was kept. */
export async function setGroupThemes(db: LeaDb, group: string, themes: readonly Theme[]): Promise<boolean> {
  const before = await getGroupThemes(db, group);
  // Only the fields a theme has (ThemeSchema), so a store that sends more keeps nothing extra.
  const next = themes.map((t): Theme => ({ id: t.id, label: t.label, ...(t.labelCy ? { labelCy: t.labelCy } : {}), retired: t.retired }));
  await db.put('meta', { group, themes: next }, GROUP_THEMES_KEY);
  return JSON.stringify(before) !== JSON.stringify(next);
}
