import * as v from 'valibot';
import { vocabulary as ENGLISH_VOCABULARY } from '../i18n/messages/en-GB/vocabulary';

/**
 * A group's theme vocabulary. Comments store a theme's stable `id` as the tagging body's
 * value, so a facilitator can rename a theme without touching a single comment, and a
 * retired theme still names the comments that had it. Tags from other tools that are not
 * a theme here are kept as they are and shown as themselves.
 */
export interface Theme {
  /** Stable: never changes once a comment may carry it (lower-case letters, digits and hyphens). */
  id: string;
  /** What people read; the group may reword it. */
  label: string;
  /** The group's Welsh name for it, when the group gave one (else a default theme's Welsh comes from the catalogue). */
  labelCy?: string;
  /** Retired: no longer offered for new comments, still shown on comments that have it. */
  retired: boolean;
}

/** The longest theme name a group may choose. */
export const MAX_THEME_LABEL = 60;
/** Most themes a group may have (retired ones included). */
export const MAX_THEMES = 100;

/** The ids of TLAP's Making It Real themes, in order (see tests/fixtures/policy/SOURCES.md). */
export const DEFAULT_THEME_IDS = [
  'wellbeing-and-independence',
  'information-and-advice',
  'active-and-supportive-communities',
  'flexible-and-integrated-care-and-support',
  'when-things-need-to-change',
  'workforce',
] as const;

/**
 * Making It Real: the default vocabulary. The English labels come from the en-GB catalogue
 * (written once there); they are also the legacy values comments stored before themes had ids,
 * so `themeIdOf` matches them, and the store copies them in at a group's first change.
 */
export const DEFAULT_THEMES: readonly Theme[] = Object.freeze(
  DEFAULT_THEME_IDS.map((id) => Object.freeze({ id, label: ENGLISH_VOCABULARY[`vocabulary.theme.${id}`], retired: false })),
);

const normal = (value: string): string => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
const DEFAULT_ID_BY_LABEL = new Map(DEFAULT_THEMES.map((t) => [normal(t.label), t.id]));

/**
 * The stable id for a stored tag: a Making It Real English label (as comments stored them
 * before themes had ids; any case and spacing) becomes its id; anything else (an id, or
 * another tool's tag) is returned unchanged.
 */
export function themeIdOf(value: string): string {
  return DEFAULT_ID_BY_LABEL.get(normal(value)) ?? value;
}

/** The theme `idOrLegacyLabel` names in `themes` (then among the defaults), if any. */
export function findTheme(themes: readonly Theme[], idOrLegacyLabel: string): Theme | undefined {
  const id = themeIdOf(idOrLegacyLabel);
  return themes.find((t) => t.id === id) ?? DEFAULT_THEMES.find((t) => t.id === id);
}

/**
 * What people read for a stored tag: the group's label for the theme, the default label
 * for a Making It Real theme the group does not list, or the tag itself (another tool's).
 */
export function themeLabel(themes: readonly Theme[], idOrLegacyLabel: string): string {
  return findTheme(themes, idOrLegacyLabel)?.label ?? idOrLegacyLabel;
}

/**
 * The id to store for a tag a person or another tool typed (imports, digest filters): a
 * theme whose label or id matches, ignoring case and spacing, in the group's vocabulary or
 * among the defaults; any other tag unchanged (trimmed).
 */
export function themeIdForTag(themes: readonly Theme[], tag: string): string {
  const wanted = normal(tag);
  const own = themes.find((t) => normal(t.label) === wanted || t.id === wanted);
  return own?.id ?? themeIdOf(tag.trim());
}

/**
 * The themes the editor offers: the group's current ones, plus any retired (or unknown)
 * theme the comment already has, so editing it never drops a theme silently.
 */
export function offeredThemes(themes: readonly Theme[], chosen: readonly string[] = []): Theme[] {
  const current = themes.filter((t) => !t.retired);
  const extra = chosen
    .map(themeIdOf)
    .filter((id) => !current.some((t) => t.id === id))
    .map((id): Theme => findTheme(themes, id) ?? { id, label: id, retired: true });
  return [...current, ...extra.filter((t, i) => extra.findIndex((o) => o.id === t.id) === i)];
}

/** An id for a new theme: its label in lower-case words joined by hyphens, made unique among `taken`. */
export function newThemeId(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/g, '') || 'theme';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const ThemeIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.theme.id'), v.maxLength(60));

/** A theme name (English or Welsh) as a person types it: trimmed, 1 to 60 characters, one line. */
export const ThemeLabelSchema = v.pipe(
  v.string('validation.theme.text'),
  v.trim(),
  v.minLength(1, 'validation.theme.empty'),
  v.maxLength(MAX_THEME_LABEL, 'validation.theme.tooLong'),
  v.regex(/^[^\u0000-\u001f\u007f\u2028\u2029]*$/, 'validation.theme.oneLine'),
);

export const ThemeSchema = v.object({ id: ThemeIdSchema, label: ThemeLabelSchema, labelCy: v.optional(ThemeLabelSchema), retired: v.boolean() });

/** A theme list crossing a boundary (the store's answer, the extension's storage). */
export const ThemeListSchema = v.pipe(v.array(ThemeSchema), v.maxLength(MAX_THEMES));

/** The store's answer to `GET /api/groups/{group}/themes`. */
export const ThemesResponseSchema = v.object({ themes: ThemeListSchema });

/** A theme list read from anywhere untrusted, or null when it is not one. */
export function checkThemes(input: unknown): Theme[] | null {
  const result = v.safeParse(ThemeListSchema, input);
  return result.success ? result.output : null;
}
