import { useState } from 'preact/hooks';
import { useT } from '../../components/i18n';
import type { DigestSort } from '../../utils/digest/types';
import { DIGEST_FORMATS, type DigestFormat } from '../../utils/digest/format-list';
import type { CommentFilters } from '../../utils/overlay/filters';
import type { MessageKey } from '../../utils/i18n/catalogue';
import { groupPath } from './use-load';

/** The digest's formats (utils/digest/format-list.ts, without the renderers), each with its label. */
export const DIGEST_LINKS = (Object.keys(DIGEST_FORMATS) as DigestFormat[]).map((format) => ({ format, label: `webapp.digest.format.${format}` as const satisfies MessageKey }));

/** What the store's digest can filter by (server/PROTOCOL.md "Comment digest"). */
export interface DigestFilters {
  document?: string;
  theme?: string;
  sort?: DigestSort;
  /** Put each document's versions together (`versions=together`). */
  versions?: boolean;
  /** The side panel's other filters (perspective, kind, author, days, answer, passages): the store applies them too. */
  panel?: CommentFilters;
}

/** The download address of the digest in `format` with `filters`. */
export function digestHref(groupId: string, format: string, filters: DigestFilters): string {
  const query = new URLSearchParams({ format });
  if (filters.document) query.set('document', filters.document);
  if (filters.theme) query.set('theme', filters.theme);
  if (filters.sort === 'support') query.set('sort', 'support');
  if (filters.versions) query.set('versions', 'together');
  const panel = filters.panel;
  if (panel) {
    for (const name of ['perspective', 'kind', 'author', 'from', 'to', 'answer'] as const) if (panel[name]) query.set(name, panel[name]);
    if (panel.minPerPassage > 1) query.set('passages', String(panel.minPerPassage));
  }
  return `${groupPath(groupId)}/digest?${query}`;
}

/**
 * "Download the digest" in every format, with the filters the store can apply. `leftOut` says
 * plainly which of the page's filters a download does not follow.
 */
export function DigestLinks({ groupId, filters, what, leftOut }: { groupId: string; filters: DigestFilters; what: string; leftOut?: string | null }) {
  const t = useT();
  const [together, setTogether] = useState(false);
  const asked = { ...filters, versions: together };
  return (
    <section aria-labelledby="digest-heading" class="space-y-2 rounded border border-grey-4 bg-white p-3">
      <h2 id="digest-heading" class="text-lg font-bold">
        {t('webapp.digest.heading')}
      </h2>
      <p class="text-sm">{what}</p>
      {leftOut && <p class="text-sm text-grey-7">{leftOut}</p>}
      <p class="flex items-start gap-2 text-sm">
        <input id="digest-versions" type="checkbox" class="mt-1" checked={together} aria-describedby="digest-versions-help" onChange={(e) => setTogether((e.target as HTMLInputElement).checked)} />
        <span>
          <label for="digest-versions" class="font-semibold">
            {t('webapp.digest.versions')}
          </label>
          <span id="digest-versions-help" class="block text-grey-7">
            {t('webapp.digest.versionsHelp')}
          </span>
        </span>
      </p>
      <ul class="flex flex-wrap gap-x-4 gap-y-1">
        {DIGEST_LINKS.map((link) => (
          <li key={link.format}>
            {/* The full name ("Word digest", "Crynodeb Word") holds the visible one, in the language's word order. */}
            <a class="text-blue-700 underline" href={digestHref(groupId, link.format, asked)} download aria-label={t('webapp.digest.linkName', { format: t(link.label) })}>
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
