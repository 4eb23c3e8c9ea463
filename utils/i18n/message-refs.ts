/**
 * Catalogue messages that crossed a boundary (the store's `error.messages`, a parked refusal
 * read back from IndexedDB): checked before they are said, since a key this build does not
 * know, or words that are not text, must never reach a person. Said in the reader's language
 * of the moment, so a refusal kept for days follows a change of language.
 */
import * as v from 'valibot';
import { isMessageKey, type MessageParams, type MessageRef, type Translator } from './translate';

const MAX_MESSAGES = 10;
const MAX_PARAM_LENGTH = 300;

type WireRef = { key: string; params?: Record<string, string | number | WireRef> };

const ParamSchema: v.GenericSchema<string | number | WireRef> = v.union([
  v.pipe(v.string(), v.maxLength(MAX_PARAM_LENGTH)),
  v.pipe(v.number(), v.finite()),
  v.lazy(() => RefSchema),
]);

const RefSchema: v.GenericSchema<WireRef> = v.object({
  key: v.pipe(v.string(), v.check((key: string) => isMessageKey(key))),
  params: v.optional(v.pipe(v.record(v.string(), ParamSchema), v.check((p) => Object.keys(p).length <= 10))),
});

/** Up to ten catalogue messages, said one after another. */
export const MessageRefsSchema = v.pipe(v.array(RefSchema), v.minLength(1), v.maxLength(MAX_MESSAGES));

/** `value` as catalogue messages, or null when it is not (exactly) that. */
export function readMessageRefs(value: unknown): MessageRef[] | null {
  const result = v.safeParse(MessageRefsSchema, value);
  // Checked above: every key is in the catalogue and every parameter text, a number or a message.
  return result.success ? (result.output as unknown as { key: MessageRef['key']; params?: MessageParams }[]) : null;
}

/** The messages in `tr`'s language, one sentence after another. */
export function sayMessages(messages: readonly MessageRef[], tr: Translator['tr']): string {
  return messages.map(tr).join(' ');
}
