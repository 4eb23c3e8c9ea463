import { randomUUID } from 'node:crypto';
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../../../utils/model/annotation';

/** Options for a test comment. */
export interface CommentOptions {
  uuid?: string;
  text?: string;
  visibility?: 'group' | 'private';
  attribution?: 'named' | 'anonymous';
  creator?: string;
}

/** A valid extension comment (utils/model's LeaAnnotation) with a fresh id. */
export function makeComment(o: CommentOptions = {}): LeaAnnotation & { id: string } {
  const uuid = o.uuid ?? randomUUID();
  const attribution = o.attribution ?? 'named';
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:${uuid}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-11-23T12:00:00.000Z',
    modified: '2026-11-23T12:00:00.000Z',
    ...(attribution === 'named' ? { creator: { type: 'Person' as const, name: o.creator ?? 'Mo Member' } } : {}),
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: o.text ?? 'This does not match what happens to carers.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' },
    ],
    target: {
      source: 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted',
      selector: [
        { type: 'TextQuoteSelector', exact: 'local authority', prefix: 'the ', suffix: ' must' },
        { type: 'TextPositionSelector', start: 10, end: 25 },
      ],
    },
    perspective: 'carer',
    visibility: o.visibility ?? 'group',
    attribution,
  };
}

/** The uuid part of `urn:uuid:<uuid>`. */
export function uuidOf(annotation: { id: string }): string {
  return annotation.id.replace(/^urn:uuid:/, '');
}
