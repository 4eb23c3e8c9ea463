/** The shapes of catalogue messages (kept apart so the language files import no catalogue). */

/** Plural forms, chosen by Intl.PluralRules for the locale; `other` is always needed. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | PluralMessage;

/** Another language's messages for the same keys as `T` (a part's English messages). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };
