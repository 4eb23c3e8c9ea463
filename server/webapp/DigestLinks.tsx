import type { DigestSort } from '../../utils/digest/types';
import { groupPath } from './use-load';

/**
 * The digest's formats, as the digest page and the store name them (utils/digest/formats.ts
 * DIGEST_FORMATS; repeated here so the web app does not bundle the renderers).
 */
export const DIGEST_LINKS = [
  { format: 'docx', label: 'Word' },
  { format: 'csv', label: 'CSV (Excel)' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'Web page (print to PDF)' },
  { format: 'jsonld', label: 'W3C annotations (JSON-LD)' },
] as const;

/** What the store's digest can filter by (server/PROTOCOL.md "Comment digest"). */
export interface DigestFilters {
  document?: string;
  theme?: string;
  sort?: DigestSort;
}

/** The download address of the digest in `format` with `filters`. */
export function digestHref(groupId: string, format: string, filters: DigestFilters): string {
  const query = new URLSearchParams({ format });
  if (filters.document) query.set('document', filters.document);
  if (filters.theme) query.set('theme', filters.theme);
  if (filters.sort === 'support') query.set('sort', 'support');
  return `${groupPath(groupId)}/digest?${query}`;
}

/**
 * "Download the digest" in every format, with the filters the store can apply. `leftOut` says
 * plainly which of the page's filters a download does not follow.
 */
export function DigestLinks({ groupId, filters, what, leftOut }: { groupId: string; filters: DigestFilters; what: string; leftOut?: string | null }) {
  return (
    <section aria-labelledby="digest-heading" class="space-y-2 rounded border border-grey-4 bg-white p-3">
      <h2 id="digest-heading" class="text-lg font-bold">
        Download the digest
      </h2>
      <p class="text-sm">{what}</p>
      {leftOut && <p class="text-sm text-grey-7">{leftOut}</p>}
      <ul class="flex flex-wrap gap-x-4 gap-y-1">
        {DIGEST_LINKS.map((link) => (
          <li key={link.format}>
            <a class="text-blue-700 underline" href={digestHref(groupId, link.format, filters)} download>
              {link.label}
              <span class="sr-only"> digest</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
