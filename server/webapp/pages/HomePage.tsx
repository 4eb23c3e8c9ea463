import { themeLabel } from '../../../utils/model/themes';
import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { DigestLinks } from '../DigestLinks';
import { PageHeading } from '../PageHeading';
import type { Overview } from '../read';
import { hrefFor, uuidOf } from '../router';
import { groupPath, useLoad, useThemes } from '../use-load';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const KIND_WORDS: Record<Overview['recent'][number]['kind'], string> = { comment: 'New comment', reply: 'Reply', answer: 'Answer' };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A date people read, or '' for a missing or malformed one. */
export function readableDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/** Home: the group's documents (comments by theme, not answered yet, last activity) and recent activity. */
export function HomePage() {
  const { session } = useApp();
  const themes = useThemes();
  const [overview] = useLoad<Overview>(session ? `${groupPath(session.group.id)}/overview` : null);
  if (!session) return null;
  return (
    <>
      <PageHeading title="Documents">Your group's documents</PageHeading>
      {overview.state === 'loading' && <p>Loading the documents…</p>}
      {overview.state === 'failed' && <p class="font-semibold text-red-dark">{overview.message}</p>}
      {overview.state === 'done' && (
        <>
          {overview.value.documents.length === 0 ? (
            <p>Nobody in your group has commented on a document yet.</p>
          ) : (
            <ul class="space-y-3" aria-label="Documents with comments">
              {overview.value.documents.map((doc) => {
                const themed = Object.entries(doc.byTheme).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
                return (
                  <li key={doc.source} class="space-y-1 rounded border border-grey-4 bg-white p-3">
                    <h2 class="text-lg font-bold">
                      <AppLink href={hrefFor({ name: 'document', source: doc.source })}>{doc.title || doc.source}</AppLink>
                    </h2>
                    <p>
                      {plural(doc.comments, 'comment', 'comments')} · {plural(doc.unanswered, 'not answered yet', 'not answered yet')}
                      {doc.lastActivityAt && <> · Last activity {readableDate(doc.lastActivityAt)}</>}
                    </p>
                    {themed.length > 0 && (
                      <ul class="flex flex-wrap gap-1 text-sm" aria-label={`Comments by theme on ${doc.title || doc.source}`}>
                        {themed.map(([theme, n]) => (
                          <li key={theme} class="rounded border border-grey-5 bg-grey-1 px-1.5 py-0.5">
                            {themeLabel(themes, theme)}: {n.toLocaleString('en-GB')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <section aria-labelledby="recent-heading" class="space-y-2">
            <h2 id="recent-heading" class="text-lg font-bold">
              Recent activity
            </h2>
            {overview.value.recent.length === 0 ? (
              <p>Nothing yet.</p>
            ) : (
              <ul class="space-y-2">
                {overview.value.recent.map((item) => (
                  <li key={`${item.commentId}-${item.at}-${item.kind}`} class="space-y-0.5">
                    <p class="text-sm">
                      <span class="font-semibold">{KIND_WORDS[item.kind] ?? 'Activity'}</span> on {item.title || item.source} · {readableDate(item.at)}
                    </p>
                    <p>
                      <AppLink href={hrefFor({ name: 'comment', uuid: uuidOf(item.commentId) })}>{item.excerpt || 'Read the comment'}</AppLink>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <DigestLinks groupId={session.group.id} filters={{}} what="Every comment your group shared, with replies and answers." />
    </>
  );
}
