import { randomUUID } from 'node:crypto';
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../../../utils/model/annotation';

/** Where a seeded comment sits and what it says. */
export interface SeedComment {
  text: string;
  source: string;
  quote: string;
  /** Where the quote starts in the page's text. */
  start: number;
  section: string;
  theme: string;
  documentTitle?: string;
}

/** A named group comment as the extension would have made it, to write through the sync API. */
export function seedComment(o: SeedComment): LeaAnnotation {
  const stamp = new Date().toISOString();
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:${randomUUID()}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: stamp,
    modified: stamp,
    creator: { type: 'Person', name: 'Mo Member' },
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: o.text },
      { type: 'TextualBody', purpose: 'tagging', value: o.theme },
    ],
    target: {
      source: o.source,
      selector: [
        { type: 'TextQuoteSelector', exact: o.quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: o.start, end: o.start + o.quote.length },
      ],
    },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'named',
    section: o.section,
    documentTitle: o.documentTitle ?? 'Care Act 2014, Part 1',
  };
}
