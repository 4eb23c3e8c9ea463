import { MAX_QUOTE_LENGTH } from '../model';
import { translator, type Translate } from '../i18n/translate';

/** Facts about where a selection sits, gathered by the caller from the live page. */
export interface SelectionFacts {
  /** The selected text, or '' when nothing is selected. */
  text: string;
  /** The element that had focus when the person asked to comment. */
  activeElement: Element | null;
  /** The element containing the whole selection, if any. */
  container: Element | null;
}

export type SelectionVerdict = { ok: true } | { ok: false; reason: string };

const FORM_FIELD = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Decide whether a selection can carry a comment, explaining in the reader's language (`t`) when it can't. */
export function checkSelection({ text, activeElement, container }: SelectionFacts, t: Translate = translator('en-GB').t): SelectionVerdict {
  if (activeElement && /^(IFRAME|FRAME|EMBED|OBJECT)$/.test(activeElement.tagName)) {
    return {
      ok: false,
      reason: t('editor.selection.inFrame'),
    };
  }
  if ((activeElement && activeElement.matches(FORM_FIELD)) || container?.closest(FORM_FIELD)) {
    return {
      ok: false,
      reason: t('editor.selection.inForm'),
    };
  }
  if (!text.trim()) {
    return { ok: false, reason: t('editor.selection.empty') };
  }
  if (text.length > MAX_QUOTE_LENGTH) {
    return {
      ok: false,
      reason: t('editor.selection.tooLong', { length: text.length.toLocaleString('en-GB'), max: MAX_QUOTE_LENGTH.toLocaleString('en-GB') }),
    };
  }
  return { ok: true };
}
