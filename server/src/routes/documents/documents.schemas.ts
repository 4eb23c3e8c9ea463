import * as v from 'valibot';
import { documentAddress, MAX_LINK_ADDRESS, MAX_LINK_LABEL } from '../../../../utils/document/document-address';

/** Most links one group keeps. */
export const MAX_GROUP_LINKS = 1000;

/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

const isLinkAddress = (text: string) => documentAddress(text) !== null;
const toLinkAddress = v.transform((text: string) => documentAddress(text)!);
const emptyToNull = v.transform((text: string) => (text === '' ? null : text));

// The earlier and the later version each written out: a schema's messages are catalogue keys,
// literal where they are given (server/test/error-messages.test.ts checks every one).
const EarlierAddress = v.pipe(
  v.string('validation.link.earlierText'),
  v.trim(),
  v.minLength(1, 'validation.link.earlierEmpty'),
  v.maxLength(MAX_LINK_ADDRESS, 'validation.link.earlierTooLong'),
  v.check(isLinkAddress, 'validation.link.earlierNotAddress'),
  toLinkAddress,
);
const LaterAddress = v.pipe(
  v.string('validation.link.laterText'),
  v.trim(),
  v.minLength(1, 'validation.link.laterEmpty'),
  v.maxLength(MAX_LINK_ADDRESS, 'validation.link.laterTooLong'),
  v.check(isLinkAddress, 'validation.link.laterNotAddress'),
  toLinkAddress,
);
const EarlierLabel = v.optional(
  v.nullable(
    v.pipe(
      v.string('validation.link.earlierLabelText'),
      v.trim(),
      v.maxLength(MAX_LINK_LABEL, 'validation.link.earlierLabelTooLong'),
      v.regex(ONE_LINE, 'validation.link.earlierLabelOneLine'),
      emptyToNull,
    ),
  ),
);
const LaterLabel = v.optional(
  v.nullable(
    v.pipe(
      v.string('validation.link.laterLabelText'),
      v.trim(),
      v.maxLength(MAX_LINK_LABEL, 'validation.link.laterLabelTooLong'),
      v.regex(ONE_LINE, 'validation.link.laterLabelOneLine'),
      emptyToNull,
    ),
  ),
);

/** `POST /api/groups/{group}/document-links` body. */
export const DocumentLinkSchema = v.strictObject({
  earlier: EarlierAddress,
  later: LaterAddress,
  earlierLabel: EarlierLabel,
  laterLabel: LaterLabel,
});
