import { vocabulary as EN } from '../i18n/messages/en-GB/vocabulary';
import * as v from 'valibot';

/**
 * Who may read a comment: only its writer ("private", shown as "Only me") or their group. The
 * one definition the annotation, the editor draft, the settings and the store use.
 */
export const VISIBILITY_VALUES = ['private', 'group'] as const;
/** A comment's visibility. */
export type Visibility = (typeof VISIBILITY_VALUES)[number];
/** A visibility as it crosses a boundary (a stored comment, a form, the store's input). */
export const VisibilitySchema = v.picklist(VISIBILITY_VALUES, 'validation.visibility');

/** The choices offered in the editor and the settings, in this order. */
export const VISIBILITIES = [
  { value: 'private', label: EN['vocabulary.visibility.private'] },
  { value: 'group', label: EN['vocabulary.visibility.group'] },
] as const satisfies ReadonlyArray<{ value: Visibility; label: string }>;

