/**
 * The language of sentences made away from any UI (the background's refusals, sync errors),
 * which cross to the page that shows them. The background sets it from the extension's
 * language setting; English until then (the store, tests).
 */
import type { Locale } from './locales';
import { translator, type Translator } from './translate';

let current: Translator = translator('en-GB');

export function setCurrentLanguage(locale: Locale): void {
  current = translator(locale);
}

export function currentTranslator(): Translator {
  return current;
}
