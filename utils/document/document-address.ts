/**
 * A document address as the group's data keeps it (document-version links, web app forms):
 * one rule for the store and the pages that send to it.
 */
import { normaliseUrl } from './normalise-url';

/** Longest document address a link keeps. */
export const MAX_LINK_ADDRESS = 2048;
/** Longest label of a version ("the Care Bill (2013-14)"). */
export const MAX_LINK_LABEL = 200;

const PDF_URN = /^urn:x-pdf:[0-9a-z]{8,64}$/;

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
