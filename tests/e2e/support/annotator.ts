/**
 * Tag name of the single Shadow DOM host the content script mounts in an annotated page
 * (ARCHITECTURE.md invariant 5: in-page UI lives in one Shadow DOM host).
 */
export const ANNOTATOR_HOST_TAG = 'lea-annotator';
