import * as v from 'valibot';

/** Most notice ids one `POST /api/me/notices/read` marks. */
export const MAX_READ_IDS = 500;
/** Longest notice id (notes/contract.md "Notice ids": `hidden:<uuid>:<revision>` is ~60). */
export const MAX_NOTICE_ID = 300;
/** Longest followed document address. */
export const MAX_DOCUMENT = 2048;
/** Most documents one member follows. */
export const MAX_FOLLOWS = 5000;

/** Visible ASCII only: every notice id of the contract is, and none has a space. */
const NOTICE_ID = /^[\x21-\x7e]+$/;

/** `POST /api/me/notices/read` body. */
export const ReadSchema = v.strictObject({
  ids: v.pipe(
    v.array(
      v.pipe(
        v.string('validation.notices.idText'),
        v.minLength(1, 'validation.notices.idEmpty'),
        v.maxLength(MAX_NOTICE_ID, 'validation.notices.idTooLong'),
        v.regex(NOTICE_ID, 'validation.notices.idPrintable'),
      ),
      'validation.notices.list',
    ),
    v.maxLength(MAX_READ_IDS, 'validation.notices.tooMany'),
  ),
});

const PDF_URN = /^urn:x-pdf:[0-9a-z]{8,64}$/;

/** A document address as the extension names documents: an http(s) address or a PDF's `urn:x-pdf:` fingerprint. */
function isDocumentAddress(text: string): boolean {
  if (PDF_URN.test(text)) return true;
  if (!/^https?:\/\//i.test(text) || /[\s\x00-\x1f\x7f]/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `PUT /api/me/follows` body. */
export const FollowSchema = v.strictObject({
  document: v.pipe(
    v.string('validation.follow.text'),
    v.trim(),
    v.minLength(1, 'validation.follow.empty'),
    v.maxLength(MAX_DOCUMENT, 'validation.follow.tooLong'),
    v.check(isDocumentAddress, 'validation.follow.notAddress'),
  ),
  following: v.boolean('validation.follow.following'),
});
