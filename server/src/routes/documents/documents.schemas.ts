import * as v from 'valibot';
import { normaliseUrl } from '../../../../utils/document/normalise-url';

/** Longest document address a link keeps. */
export const MAX_LINK_ADDRESS = 2048;
/** Longest label of a version ("the Care Bill (2013-14)"). */
export const MAX_LINK_LABEL = 200;
/** Most links one group keeps. */
export const MAX_GROUP_LINKS = 1000;

const PDF_URN = /^urn:x-pdf:[0-9a-z]{8,64}$/;
/** Free text of one line: no control characters at all. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

/**
 * The stored form of a document address: a PDF's `urn:x-pdf:` fingerprint as it is, an
 * http(s) address normalised as the extension normalises it, else null.
 */
export function documentAddress(text: string): string | null {
  if (PDF_URN.test(text)) return text;
  if (!/^https?:\/\//i.test(text) || /[\s\x00-\x1f\x7f]/.test(text)) return null;
  const normal = normaliseUrl(text);
  return normal !== null && normal.length <= MAX_LINK_ADDRESS ? normal : null;
}

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
