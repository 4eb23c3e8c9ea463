import { Button } from '@hypothesis/frontend-shared';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../../../components/i18n';
import type { MessageKey } from '../../../utils/i18n/catalogue';
import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { PageHeading } from '../PageHeading';
import type { SearchAnswer } from '../read';
import { hrefFor, uuidOf } from '../router';
import { groupPath, useLoad } from '../use-load';

const KIND_KEYS: Record<SearchAnswer['results'][number]['kind'], MessageKey> = {
  comment: 'webapp.search.kind.comment',
  reply: 'webapp.search.kind.reply',
  answer: 'webapp.search.kind.answer',
  quote: 'webapp.search.kind.quote',
};
/** The longest search the store takes (it refuses longer ones with a plain sentence too). */
export const MAX_QUERY_LENGTH = 200;

/** A snippet as text with the matched words in <mark> (segments from the store, never HTML). */
export function Snippet({ segments }: { segments: SearchAnswer['results'][number]['snippet'] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/** Search the group's comments, replies and quotes; each match links to its comment. */
export function SearchPage({ q }: { q: string }) {
  const { session, navigate } = useApp();
  const { t, formatNumber, locale } = useI18n();
  const [text, setText] = useState(q);
  // A catalogue key, so a problem shown stays in the language the person switches to.
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const id = useId();
  const query = q.trim();
  const [answer] = useLoad<SearchAnswer>(session && query ? `${groupPath(session.group.id)}/search?q=${encodeURIComponent(query)}&limit=50` : null);
  if (!session) return null;

  function submit(event: Event) {
    event.preventDefault();
    const words = text.trim();
    if (!words) return setProblem('webapp.search.empty');
    if (words.length > MAX_QUERY_LENGTH) return setProblem('webapp.search.tooLong');
    setProblem(null);
    navigate(hrefFor({ name: 'search', q: words }));
  }

  const errorId = `${id}-error`;
  return (
    <>
      <PageHeading title={query ? t('webapp.search.titleFor', { query }) : t('webapp.search.title')}>{t('webapp.search.heading')}</PageHeading>
      <form role="search" class="flex flex-wrap items-end gap-2" noValidate onSubmit={submit}>
        <div class="min-w-0 flex-1 basis-64 space-y-1">
          <label for={`${id}-q`} class="block font-semibold">
            {t('webapp.search.label')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            class="w-full rounded border border-grey-6 bg-white p-2"
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : `${id}-hint`}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <p id={`${id}-hint`} class="text-sm text-grey-7">
            {t('webapp.search.hint')}
          </p>
        </div>
        <Button type="submit" variant="primary">
          {t('webapp.search.submit')}
        </Button>
      </form>
      {problem && (
        <p id={errorId} class="font-semibold text-red-dark">
          {t(problem, { max: MAX_QUERY_LENGTH })}
        </p>
      )}
      {query && (
        <section aria-labelledby={`${id}-results`} class="space-y-2">
          <h2 id={`${id}-results`} class="text-lg font-bold">
            {t('webapp.search.results')}
          </h2>
          {/* Keyed by language: switching makes a new region (not read out) instead of changing this one's words (read out). */}
          <div role="status" key={locale}>
            {answer.state === 'loading' && <p>{t('webapp.search.searching')}</p>}
            {answer.state === 'failed' && <p class="font-semibold text-red-dark">{answer.message}</p>}
            {answer.state === 'done' && (
              <p>
                {answer.value.total === 0
                  ? t('webapp.search.nothing', { query })
                  : t(answer.value.results.length < answer.value.total ? 'webapp.search.matchesFirst' : 'webapp.search.matches', {
                      count: answer.value.total,
                      query,
                      shown: formatNumber(answer.value.results.length),
                    })}
              </p>
            )}
          </div>
          {answer.state === 'done' && answer.value.results.length > 0 && (
            <ol class="space-y-2">
              {answer.value.results.map((r) => (
                <li key={`${r.itemId}-${r.kind}`} class="space-y-1 rounded border border-grey-4 bg-white p-3">
                  <p class="text-sm text-grey-7">
                    {t(KIND_KEYS[r.kind] ?? 'webapp.search.kind.other')} {t('webapp.on', { title: r.title || r.source || '' })}
                  </p>
                  <p>
                    <Snippet segments={r.snippet} />
                  </p>
                  <p class="text-sm">
                    <AppLink href={hrefFor({ name: 'comment', uuid: uuidOf(r.commentId) })}>
                      {t('webapp.search.open')}
                      <span class="sr-only"> {t('webapp.on', { title: r.title || r.source || '' })}</span>
                    </AppLink>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
