import * as v from 'valibot';
import { LOCALES } from '../i18n/locales';
import { VisibilitySchema } from './visibility';

/** A person's own settings, chosen on the options page; defaults apply to new comments. */
export const SettingsSchema = v.object({
  displayName: v.pipe(v.string(), v.trim(), v.maxLength(200, 'validation.settings.nameTooLong')),
  defaultAttribution: v.picklist(['named', 'anonymous']),
  defaultVisibility: VisibilitySchema,
  defaultPerspective: v.picklist(['uses-care', 'carer', 'family', 'works-in-care', 'not-said']),
  /** Show PDFs from websites in the annotator's viewer straight away, instead of asking. */
  openPdfsInAnnotator: v.boolean(),
  /** The language the extension speaks: the browser's, or one the person chose. */
  language: v.picklist(['browser', ...LOCALES]),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Safe starting settings: private and anonymous until the person says otherwise. */
export const DEFAULT_SETTINGS: Settings = {
  displayName: '',
  defaultAttribution: 'anonymous',
  defaultVisibility: 'private',
  defaultPerspective: 'not-said',
  openPdfsInAnnotator: false,
  language: 'browser',
};

/** Read stored settings, repairing anything missing or invalid back to the safe defaults. */
export function readSettings(stored: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  const result = v.safeParse(SettingsSchema, merged);
  return result.success ? result.output : DEFAULT_SETTINGS;
}
