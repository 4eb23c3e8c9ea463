import { Button } from '@hypothesis/frontend-shared';
import { useId, useState } from 'preact/hooks';
import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { PageHeading } from '../PageHeading';
import type { SearchAnswer } from '../read';
import { hrefFor, uuidOf } from '../router';
import { groupPath, useLoad } from '../use-load';

const KIND_WORDS: Record<SearchAnswer['results'][number]['kind'], string> = { comment: 'Comment', reply: 'Reply', answer: 'Answer', quote: 'Passage quoted' };
/** The longest search the store takes (it refuses longer ones with a plain sentence too). */
export const MAX_QUERY_LENGTH = 200;

/** A snippet as text with the matched words in <mark> (segments from the store, never HTML). */
export function Snippet({ segments }: { segments: SearchAnswer['results'][number]['snippet'] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/** Search the group's comments, replies and quotes; each match links to its comment. */
export function SearchPage({ q }: { q: string }) {
  const { session, navigate } = useApp();
  const [text, setText] = useState(q);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const query = q.trim();
  const [answer] = useLoad<SearchAnswer>(session && query ? `${groupPath(session.group.id)}/search?q=${encodeURIComponent(query)}&limit=50` : null);
  if (!session) return null;

  function submit(event: Event) {
    event.preventDefault();
    const words = text.trim();
    if (!words) return setProblem('Please type the words to search for.');
    if (words.length > MAX_QUERY_LENGTH) return setProblem(`Please search for ${MAX_QUERY_LENGTH} characters or fewer.`);
    setProblem(null);
    navigate(hrefFor({ name: 'search', q: words }));
  }

  const errorId = `${id}-error`;
  return (
    <>
      <PageHeading title={query ? `Search: ${query}` : 'Search'}>Search your group's comments</PageHeading>
      <form role="search" class="flex flex-wrap items-end gap-2" noValidate onSubmit={submit}>
        <div class="min-w-0 flex-1 basis-64 space-y-1">
          <label for={`${id}-q`} class="block font-semibold">
            Search comments
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
            Searches comments, replies and the passages they quote. "dignity" also finds "dignified".
          </p>
        </div>
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      {problem && (
        <p id={errorId} class="font-semibold text-red-dark">
          {problem}
        </p>
      )}
      {query && (
        <section aria-labelledby={`${id}-results`} class="space-y-2">
          <h2 id={`${id}-results`} class="text-lg font-bold">
            Results
          </h2>
          <div role="status">
            {answer.state === 'loading' && <p>Searching…</p>}
            {answer.state === 'failed' && <p class="font-semibold text-red-dark">{answer.message}</p>}
            {answer.state === 'done' && (
              <p>
                {answer.value.total === 0
                  ? `Nothing found for “${query}”.`
                  : answer.value.total === 1
                    ? `1 match for “${query}”.`
                    : `${answer.value.total.toLocaleString('en-GB')} matches for “${query}”${answer.value.results.length < answer.value.total ? `, the first ${answer.value.results.length} shown` : ''}.`}
              </p>
            )}
          </div>
          {answer.state === 'done' && answer.value.results.length > 0 && (
            <ol class="space-y-2">
              {answer.value.results.map((r) => (
                <li key={`${r.itemId}-${r.kind}`} class="space-y-1 rounded border border-grey-4 bg-white p-3">
                  <p class="text-sm text-grey-7">
                    {KIND_WORDS[r.kind] ?? 'Match'} on {r.title || r.source}
                  </p>
                  <p>
                    <Snippet segments={r.snippet} />
                  </p>
                  <p class="text-sm">
                    <AppLink href={hrefFor({ name: 'comment', uuid: uuidOf(r.commentId) })}>
                      Open this comment<span class="sr-only"> on {r.title || r.source}</span>
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
