import * as v from 'valibot';
import { buildDigest } from '../../../utils/digest/build-digest';
import { renderDigest, type DigestFormat, type RenderedDigest } from '../../../utils/digest/formats';
import type { DigestEntry, DigestFilters } from '../../../utils/digest/types';
import { LeaAnnotationSchema } from '../../../utils/model/annotation';

/** A stored annotation as read for a digest (already redacted), not yet checked against utils/model. */
export interface StoredDigestEntry {
  annotation: Record<string, unknown>;
  hidden?: { reason: string };
}

/** Everything a digest is made from: plain data, so it can be posted to a worker thread. */
export interface DigestJob {
  entries: StoredDigestEntry[];
  filters: DigestFilters;
  generatedAt: Date;
  groupName?: string;
  format: DigestFormat;
  jsonLdId: string;
}

/**
 * The extension's comments among the stored annotations (others' W3C annotations are left out).
 * Checked here, in the worker, because checking 1,000 long comments takes ~70 ms of CPU.
 */
export function checkEntries(stored: readonly StoredDigestEntry[]): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (const entry of stored) {
    const checked = v.safeParse(LeaAnnotationSchema, entry.annotation);
    if (checked.success) entries.push({ annotation: checked.output, ...(entry.hidden ? { hidden: entry.hidden } : {}) });
  }
  return entries;
}

/**
 * Build and render one group digest (utils/digest, pure). The worker threads and the
 * in-process path both call this, so the bytes are the same wherever it runs.
 */
export async function renderDigestJob(job: DigestJob): Promise<RenderedDigest> {
  const digest = buildDigest({
    annotations: checkEntries(job.entries),
    scope: 'group',
    filters: job.filters,
    generatedAt: job.generatedAt,
    ...(job.groupName ? { groupName: job.groupName } : {}),
  });
  return renderDigest(digest, job.format, { jsonLdId: job.jsonLdId });
}
