import { MAX_QUOTE_LENGTH } from '../model';

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

/** Decide whether a selection can carry a comment, explaining in plain English when it can't. */
export function checkSelection({ text, activeElement, container }: SelectionFacts): SelectionVerdict {
  if (activeElement && /^(IFRAME|FRAME|EMBED|OBJECT)$/.test(activeElement.tagName)) {
    return {
      ok: false,
      reason:
        'That text is inside a box that shows another web page, so it can’t be commented on here. Open that page on its own to comment on it.',
    };
  }
  if ((activeElement && activeElement.matches(FORM_FIELD)) || container?.closest(FORM_FIELD)) {
    return {
      ok: false,
      reason: 'That text is inside a form box on the page. Select words in the document itself to comment on them.',
    };
  }
  if (!text.trim()) {
    return { ok: false, reason: 'First select the words you want to comment on, then choose “Add comment”.' };
  }
  if (text.length > MAX_QUOTE_LENGTH) {
    return {
      ok: false,
      reason: `That passage is too long to comment on (${text.length.toLocaleString('en-GB')} characters). Please select ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters or fewer, for example one paragraph.`,
    };
  }
  return { ok: true };
}
