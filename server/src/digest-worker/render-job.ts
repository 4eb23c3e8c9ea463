import { buildDigest } from '../../../utils/digest/build-digest';
import { renderDigest, type DigestFormat, type RenderedDigest } from '../../../utils/digest/formats';
import type { DigestEntry, DigestFilters } from '../../../utils/digest/types';

/** Everything a digest is made from: plain data, so it can be posted to a worker thread. */
export interface DigestJob {
  entries: DigestEntry[];
  filters: DigestFilters;
  generatedAt: Date;
  groupName?: string;
  format: DigestFormat;
  jsonLdId: string;
}

/**
 * Build and render one group digest (utils/digest, pure). The worker threads and the
 * in-process path both call this, so the bytes are the same wherever it runs.
 */
export async function renderDigestJob(job: DigestJob): Promise<RenderedDigest> {
  const digest = buildDigest({
    annotations: job.entries,
    scope: 'group',
    filters: job.filters,
    generatedAt: job.generatedAt,
    ...(job.groupName ? { groupName: job.groupName } : {}),
  });
  return renderDigest(digest, job.format, { jsonLdId: job.jsonLdId });
}
