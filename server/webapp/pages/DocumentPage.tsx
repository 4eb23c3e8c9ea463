import { useMemo, useState } from 'preact/hooks';
import { CommentFiltersForm } from '../../../components/CommentFiltersForm';
import { useGrowingCount } from '../use-growing-count';
import { sortBySupport } from '../../../utils/conversation/build-thread';
import { themeLabel } from '../../../utils/model/themes';
import { answerFacet, facetCounts, filterComments, NO_FILTERS, showsEverything, type CommentFilters, type CommentOrder } from '../../../utils/overlay/filters';
import { useApp } from '../app-context';
import { DigestLinks } from '../DigestLinks';
import { PageHeading } from '../PageHeading';
import { groupBySection, type DocumentRead } from '../read';
import { documentLink } from '../router';
import { ThreadItem } from '../ThreadItem';
import { useDocumentModel } from '../use-document';
import { groupPath, useLoad, useThemes } from '../use-load';

/** Which of the page's filters a digest download cannot follow, in plain words (or null). */
export function filtersLeftOut(filters: CommentFilters): string | null {
  const names = [
    filters.perspective && 'perspective',
    filters.kind && 'kind of comment',
    filters.author && 'author',
    (filters.from || filters.to) && 'dates',
    filters.answer && 'answer',
    filters.minPerPassage > 1 && 'passages with 3 or more comments',
  ].filter(Boolean);
  return names.length ? `The download follows this document and the theme you chose; it does not apply the ${names.join(', ')} filter${names.length > 1 ? 's' : ''}.` : null;
}

/**
 * A document's comments in document order, grouped by section, each with its quote, thread,
 * answers and "me too" count; the side panel's filters; "Open the document"; digests with
 * the filters in force. A long list paints its first screenful at once and the rest a batch
 * per frame (components/use-progressive.ts).
 */
export function DocumentPage({ source }: { source: string }) {
  const { session } = useApp();
  const themes = useThemes();
  const [loaded] = useLoad<DocumentRead>(session ? `${groupPath(session.group.id)}/document?source=${encodeURIComponent(source)}` : null);
  const read = loaded.state === 'done' ? loaded.value : null;
  const { model, onSent } = useDocumentModel(read);
  const [filters, setFilters] = useState<CommentFilters>(NO_FILTERS);
  const [order, setOrder] = useState<CommentOrder>('page');

  const comments = model?.comments ?? [];
  const facets = useMemo(() => {
    const raw = facetCounts(comments, filters, themes);
    return { ...raw, theme: raw.theme.map((o) => ({ ...o, label: themeLabel(themes, o.value) })) };
  }, [comments, filters, themes]);
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
  const sections = order === 'page' ? groupBySection(shown.slice(0, rendered), (c) => c.section) : [{ section: '', items: shown.slice(0, rendered) }];
  return (
    <>
      <PageHeading title={title}>Comments on {title}</PageHeading>
      {link && (
        <p>
          <a href={link} class="font-semibold text-blue-700 underline" rel="noopener noreferrer">
            Open the document
          </a>{' '}
          <span class="text-sm text-grey-7">(the policy page itself, on its own website)</span>
        </p>
      )}
      {loaded.state === 'loading' && <p>Loading the comments…</p>}
      {loaded.state === 'failed' && <p class="font-semibold text-red-dark">{loaded.message}</p>}
      {model && (
        <>
          <CommentFiltersForm filters={filters} facets={facets} total={comments.length} shown={shown.length} onChange={setFilters} answers={answers} order={order} onOrder={setOrder} />
          <p role="status" class="text-sm">
            {showsEverything(filters) ? `${comments.length.toLocaleString('en-GB')} comments` : `Showing ${shown.length.toLocaleString('en-GB')} of ${comments.length.toLocaleString('en-GB')} comments`}
          </p>
          {shown.length === 0 && <p>{comments.length === 0 ? 'Nobody in your group has commented on this document yet.' : 'No comments match these filters.'}</p>}
          {sections.map((group, i) => (
            <section key={`${i}-${group.section}`} class="space-y-2" aria-label={group.section ? undefined : 'Comments, most supported first'}>
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
          {rendered < shown.length && <p class="text-sm text-grey-7">Showing more comments…</p>}
          <DigestLinks
            groupId={session.group.id}
            filters={{ document: source, ...(filters.theme ? { theme: filters.theme } : {}), ...(order === 'support' ? { sort: 'support' as const } : {}) }}
            what={`The comments on this document${filters.theme ? `, about ${themeLabel(themes, filters.theme)}` : ''}${order === 'support' ? ', most supported first' : ''}, with replies and answers.`}
            leftOut={filtersLeftOut(filters)}
          />
        </>
      )}
    </>
  );
}
