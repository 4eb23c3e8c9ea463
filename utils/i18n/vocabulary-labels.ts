/**
 * What people read for the stored ids of the vocabularies (perspectives, kinds, answer
 * statuses, visibility, attribution, themes), in the reader's language. The ids are defined
 * once in utils/model; the words are `vocabulary.<list>.<id>` in the catalogue. An id we do
 * not know (another tool's) is shown as itself.
 */
import { DEFAULT_THEMES, findTheme, type Theme } from '../model/themes';
import type { MessageKey } from './catalogue';
import { isMessageKey, type Translator, type Translate } from './translate';

export type VocabularyList = 'perspective' | 'kind' | 'status' | 'visibility' | 'attribution' | 'theme';

/** The catalogue key for an id in a list (not every id has one: check with isMessageKey). */
export const vocabularyKey = (list: VocabularyList, id: string) => `vocabulary.${list}.${id}`;

function label(t: Translate, list: VocabularyList, id: string): string {
  const key = vocabularyKey(list, id);
  return isMessageKey(key) ? t(key as MessageKey) : id;
}

export const perspectiveLabel = (t: Translate, id: string) => label(t, 'perspective', id);
export const kindLabel = (t: Translate, id: string) => label(t, 'kind', id);
export const answerStatusName = (t: Translate, id: string) => label(t, 'status', id);
export const visibilityLabel = (t: Translate, id: string) => label(t, 'visibility', id);
export const attributionLabel = (t: Translate, id: string) => label(t, 'attribution', id);

/**
 * A theme's name for a stored tag, in the reader's language: in Welsh, the group's own Welsh
 * name, else the catalogue's for a default theme the group has not renamed; in English, the
 * group's label (the default's when the group does not list it). Another tool's tag: itself.
 */
export function themeName(i18n: Translator, themes: readonly Theme[], idOrLegacyLabel: string): string {
  const theme = findTheme(themes, idOrLegacyLabel);
  if (!theme) return idOrLegacyLabel;
  if (i18n.locale === 'cy') {
    if (theme.labelCy) return theme.labelCy;
    const standard = DEFAULT_THEMES.find((d) => d.id === theme.id);
    if (standard && standard.label === theme.label) return label(i18n.t, 'theme', theme.id);
  }
  return theme.label;
}
