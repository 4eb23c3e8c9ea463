export { normaliseUrl, isTrackingParam, TRACKING_PARAMS, LEGISLATION_HOSTS } from './normalise-url';
export { annotatableReason, NOT_ANNOTATABLE, type AnnotatableOptions, type NotAnnotatableReason } from './annotatable';
export {
  documentIdentity,
  readDocumentIdentity,
  type DocumentIdentity,
  type DocumentFacts,
} from './document-identity';
