/**
 * The catalogue: every string a person sees, one catalogue per language. Each language's
 * messages live in `messages/<locale>/`, one file per part of the product (so translators and
 * reviewers see a screen's words together); `messages/<locale>/index.ts` joins them. English
 * (en-GB) defines the keys; Welsh must have every one (the type below, and i18n.test.ts).
 * Welsh follows the policy terms in `glossary.md`.
 */
import { EN_GB } from './messages/en-GB';
import { CY } from './messages/cy';
import type { Locale } from './locales';
import type { Message, Translation } from './message-types';

export type { Message, PluralMessage, Translation } from './message-types';

export type MessageKey = keyof typeof EN_GB;

export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, Message>>>> = {
  'en-GB': EN_GB,
  cy: CY satisfies Translation<typeof EN_GB>,
};
