import type { DocumentIdentity } from '../document';
import { normaliseUrl } from '../document/normalise-url';

import { PDF_URN_PREFIX } from './pdf-urn';

export { PDF_URN_PREFIX };

/** What the viewer knows about an open PDF. */
export interface PdfFacts {
  /** pdf.js `fingerprints[0]`: the file's permanent ID (or a hash of its start when it has none). */
  fingerprint: string;
  /** Where it was opened from: an http(s) address, or null for a file from the computer. */
  url: string | null;
  /** The title in the PDF's metadata, if any. */
  title?: string | null;
  /** The file name, shown when the PDF has no title. */
  fileName?: string | null;
}

/**
 * A PDF's identity. Comments are stored under the fingerprint, so the same file opened from
 * two addresses, or downloaded and opened from the computer, shows the same comments; the
 * address it was read at is kept as an alias (and given to officers in digests).
 */
export function pdfDocumentIdentity(facts: PdfFacts): DocumentIdentity | null {
  const fingerprint = facts.fingerprint.trim().toLowerCase();
  if (!/^[0-9a-z]{8,64}$/.test(fingerprint)) return null;
  const uri = `${PDF_URN_PREFIX}${fingerprint}`;
  const address = facts.url ? normaliseUrl(facts.url) : null;
  const title = clean(facts.title) || clean(facts.fileName) || (address ? lastPathPart(address) : '') || 'PDF document';
  return { uri, aliases: address ? [uri, address] : [uri], title };
}

/** True for a document URI that names a PDF by fingerprint. */
export function isPdfUri(uri: string): boolean {
  return uri.startsWith(PDF_URN_PREFIX);
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function lastPathPart(address: string): string {
  const part = new URL(address).pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
