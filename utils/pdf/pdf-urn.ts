/** The URI scheme for a PDF known by its fingerprint, as Hypothesis and others use (no DOM: the store reads it too). */
export const PDF_URN_PREFIX = 'urn:x-pdf:';
