/**
 * Plain-English vocabularies offered in the editor. Values are stable identifiers stored in
 * annotations; labels are what people read, so they can be reworded without migrating data.
 */

import { vocabulary as EN } from '../i18n/messages/en-GB/vocabulary';
import { DEFAULT_THEMES } from './themes';

/**
 * The Making It Real theme labels, in order (derived from DEFAULT_THEMES in themes.ts, where
 * the vocabulary is defined once). Comments store theme ids now; use themes.ts to read them.
 */
export const MAKING_IT_REAL_THEMES: readonly string[] = DEFAULT_THEMES.map((t) => t.label);

/** Who the writer is in relation to care and support, in their own words. */
export const PERSPECTIVES = [
  { value: 'uses-care', label: EN['vocabulary.perspective.uses-care'] },
  { value: 'carer', label: EN['vocabulary.perspective.carer'] },
  { value: 'family', label: EN['vocabulary.perspective.family'] },
  { value: 'works-in-care', label: EN['vocabulary.perspective.works-in-care'] },
  { value: 'not-said', label: EN['vocabulary.perspective.not-said'] },
] as const;
export type Perspective = (typeof PERSPECTIVES)[number]['value'];

/**
 * What sort of comment this is. Stored as the W3C `motivation` (commenting, questioning,
 * editing) so other annotation tools understand it without our vocabulary.
 */
export const KINDS = [
  { value: 'comment', label: EN['vocabulary.kind.comment'], motivation: 'commenting' },
  { value: 'question', label: EN['vocabulary.kind.question'], motivation: 'questioning' },
  { value: 'suggested-change', label: EN['vocabulary.kind.suggested-change'], motivation: 'editing' },
] as const;
export type Kind = (typeof KINDS)[number]['value'];
export type KindMotivation = (typeof KINDS)[number]['motivation'];

/** Whether the writer's name goes with the comment. */
export const ATTRIBUTIONS = [
  { value: 'named', label: EN['vocabulary.attribution.named'] },
  { value: 'anonymous', label: EN['vocabulary.attribution.anonymous'] },
] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number]['value'];

/** Label for a stored value, falling back to the value itself for vocabularies we do not know. */
export function labelFor(
  list: ReadonlyArray<{ value: string; label: string }>,
  value: string,
): string {
  return list.find((item) => item.value === value)?.label ?? value;
}

export function kindFromMotivation(motivation: string): Kind {
  return KINDS.find((k) => k.motivation === motivation)?.value ?? 'comment';
}

export function motivationForKind(kind: Kind): KindMotivation {
  return KINDS.find((k) => k.value === kind)!.motivation;
}
