import * as v from 'valibot';
import { documentAddress, MAX_LINK_ADDRESS, MAX_LINK_LABEL } from '../../../../utils/document/document-address';

/** Most links one group keeps. */
export const MAX_GROUP_LINKS = 1000;

/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

function address(which: 'earlier' | 'later') {
  return v.pipe(
    v.string(`The ${which} version must be the document's web address, as text.`),
    v.trim(),
    v.minLength(1, `Please give the address of the ${which} version.`),
    v.maxLength(MAX_LINK_ADDRESS, `The ${which} version's address must be ${MAX_LINK_ADDRESS} characters or fewer.`),
    v.check((text) => documentAddress(text) !== null, `The ${which} version must be an http(s) web address or a PDF address starting "urn:x-pdf:".`),
    v.transform((text) => documentAddress(text)!),
  );
}

function label(which: 'earlier' | 'later') {
  return v.optional(
    v.nullable(
      v.pipe(
        v.string(`The ${which} version's label must be text, like "the Care Bill (2013-14)".`),
        v.trim(),
        v.maxLength(MAX_LINK_LABEL, `Please keep the ${which} version's label to ${MAX_LINK_LABEL} characters or fewer.`),
        v.regex(ONE_LINE, `The ${which} version's label must be one line without control characters.`),
        v.transform((text) => (text === '' ? null : text)),
      ),
    ),
  );
}

/** `POST /api/groups/{group}/document-links` body. */
export const DocumentLinkSchema = v.strictObject({
  earlier: address('earlier'),
  later: address('later'),
  earlierLabel: label('earlier'),
  laterLabel: label('later'),
});
