import { useMemo, useState } from 'preact/hooks';
import { CommentFiltersForm } from '../../../components/CommentFiltersForm';
import { useI18n } from '../../../components/i18n';
import type { Translate } from '../../../utils/i18n/translate';
import { themeName } from '../../../utils/i18n/vocabulary-labels';
import { useGrowingCount } from '../use-growing-count';
import { sortBySupport } from '../../../utils/conversation/build-thread';
import { answerFacet, facetCounts, filterComments, NO_FILTERS, showsEverything, type CommentFilters, type CommentOrder } from '../../../utils/overlay/filters';
import { useApp } from '../app-context';
import { DigestLinks } from '../DigestLinks';
import { PageHeading } from '../PageHeading';
import { groupBySection, type DocumentRead } from '../read';
import { documentLink } from '../router';
import { ThreadItem } from '../ThreadItem';
import { useDocumentModel } from '../use-document';
import { groupPath, useLoad, useThemes } from '../use-load';

/** What the digest links download, in words: this document, with the theme and order in force. */
function digestWhat(t: Translate, theme: string | null, bySupport: boolean): string {
  if (theme) return t(bySupport ? 'webapp.document.digestWhatThemeSupport' : 'webapp.document.digestWhatTheme', { theme });
  return t(bySupport ? 'webapp.document.digestWhatSupport' : 'webapp.document.digestWhat');
}

/**
 * A document's comments in document order, grouped by section, each with its quote, thread,
 * answers and "me too" count; the side panel's filters; "Open the document"; digests with
 * the filters in force. A long list paints its first screenful at once and the rest a batch
 * per frame (components/use-progressive.ts).
 */
export function DocumentPage({ source }: { source: string }) {
  const { session } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const themes = useThemes();
  const [loaded] = useLoad<DocumentRead>(session ? `${groupPath(session.group.id)}/document?source=${encodeURIComponent(source)}` : null);
  const read = loaded.state === 'done' ? loaded.value : null;
  const { model, onSent } = useDocumentModel(read);
  const [filters, setFilters] = useState<CommentFilters>(NO_FILTERS);
  const [order, setOrder] = useState<CommentOrder>('page');

  const comments = model?.comments ?? [];
  const facets = useMemo(() => {
    const raw = facetCounts(comments, filters, themes);
    return { ...raw, theme: raw.theme.map((o) => ({ ...o, label: themeName(i18n, themes, o.value) })) };
  }, [comments, filters, themes, i18n]);
  const answers = useMemo(() => (model ? answerFacet(comments, model.threads, filters) : []), [comments, model, filters]);
  const shown = useMemo(() => {
    if (!model) return [];
    const kept = filterComments(comments.map((annotation) => ({ annotation })), filters, model.threads).map((x) => x.annotation);
    return order === 'support' ? sortBySupport(kept.map((c) => ({ c, supportCount: model.threads.get(c.id)?.supportCount ?? 0 }))).map((x) => x.c) : kept;
  }, [comments, model, filters, order]);
  const rendered = useGrowingCount(shown.length);

  if (!session) return null;
  const title = read?.title || comments.find((c) => c.documentTitle)?.documentTitle || source;
  const link = documentLink(source);
  const sections = order === 'page' ? groupBySection(shown.slice(0, rendered), (c) => c.section, t('webapp.document.noSection')) : [{ section: '', items: shown.slice(0, rendered) }];
  return (
    <>
      <PageHeading title={title}>{t('webapp.document.heading', { title })}</PageHeading>
      {link && (
        <p>
          <a href={link} class="font-semibold text-blue-700 underline" rel="noopener noreferrer">
            {t('webapp.document.open')}
          </a>{' '}
          <span class="text-sm text-grey-7">{t('webapp.document.openNote')}</span>
        </p>
      )}
      {loaded.state === 'loading' && <p>{t('webapp.document.loading')}</p>}
      {loaded.state === 'failed' && <p class="font-semibold text-red-dark">{loaded.message}</p>}
      {model && (
        <>
          <CommentFiltersForm filters={filters} facets={facets} total={comments.length} shown={shown.length} onChange={setFilters} answers={answers} order={order} onOrder={setOrder} />
          {/* Keyed by language: switching makes a new region (not read out) instead of changing this one's words (read out). */}
          <p role="status" class="text-sm" key={i18n.locale}>
            {showsEverything(filters) ? t('common.commentCount', { count: comments.length }) : t('webapp.document.showing', { count: comments.length, shown: i18n.formatNumber(shown.length) })}
          </p>
          {shown.length === 0 && <p>{comments.length === 0 ? t('webapp.document.noneYet') : t('webapp.document.noMatch')}</p>}
          {sections.map((group, i) => (
            <section key={`${i}-${group.section}`} class="space-y-2" aria-label={group.section ? undefined : t('webapp.document.mostSupported')}>
              {group.section && <h2 class="text-lg font-bold">{group.section}</h2>}
              <ol class="space-y-3">
                {group.items.map((comment) => (
                  <li key={comment.id}>
                    <ThreadItem comment={comment} model={model} onSent={onSent} themes={themes} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
          {rendered < shown.length && <p class="text-sm text-grey-7">{t('webapp.document.showingMore')}</p>}
          <DigestLinks
            groupId={session.group.id}
            filters={{ document: source, ...(filters.theme ? { theme: filters.theme } : {}), ...(order === 'support' ? { sort: 'support' as const } : {}), panel: filters }}
            what={digestWhat(t, filters.theme ? themeName(i18n, themes, filters.theme) : null, order === 'support')}
            leftOut={showsEverything({ ...filters, theme: '' }) ? null : t('webapp.document.digestFollowsFilters')}
          />
        </>
      )}
    </>
  );
}
