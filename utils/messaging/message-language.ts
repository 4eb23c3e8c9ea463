import type { Locale } from '../i18n/locales';
import type { MessageParams } from '../i18n/translate';
import { currentTranslator, setCurrentLanguage } from '../i18n/current-language';
import type { MessageKey } from '../i18n/catalogue';

/**
 * The language of the sentences the messaging layer itself sends back (validation errors,
 * refusals), which cross to the page that shows them. The background sets it from the
 * extension's language setting; English until then.
 */
/** Use `locale` for messaging's own sentences (and the sync errors') from now on. */
export function setMessageLanguage(locale: Locale): void {
  setCurrentLanguage(locale);
}

/** A messaging sentence in the current language, read when it is needed (valibot calls it lazily). */
export const messageText = (key: MessageKey, params?: MessageParams) => () => currentTranslator().t(key, params);
