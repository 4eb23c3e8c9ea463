import { anchorAll, buildTextIndex, describeRange, offsetsToRange, type DomTextIndex } from '../anchoring';
import { readDocumentIdentity } from '../document';
import { findSectionHeading } from '../page/section-heading';
import type { DocumentSurface } from './surface';

/** A web page as a document surface: its body's text nodes, read once per repaint. */
export function createDomSurface(doc: Document, win: Window): DocumentSurface {
  let index: DomTextIndex | null = null;
  return {
    root: () => doc.body,
    identity: () => readDocumentIdentity(doc, win.location.href),
    async anchor(annotations) {
      index = buildTextIndex(doc.body);
      const built = index;
      return anchorAll(doc.body, annotations.map((a) => a.target.selector), built);
    },
    rangeFor: (span) => (index ? offsetsToRange(index, span.start, span.end) : null),
    async describe(range) {
      return { selectors: describeRange(doc.body, range), section: findSectionHeading(doc.body, range.startContainer) };
    },
    textLength: () => index?.text.length ?? 0,
    topOf: (anchor) => (anchor.range ? anchor.range.getBoundingClientRect().top + win.scrollY : null),
    scrollHeight: () => doc.documentElement.scrollHeight,
    async reveal(anchor) {
      const range = anchor.range;
      if (!range) return null;
      const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
      target?.scrollIntoView({ block: 'center' });
      return range;
    },
  };
}
