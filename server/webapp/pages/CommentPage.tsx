import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { PageHeading } from '../PageHeading';
import type { CommentRead } from '../read';
import { documentLink, hrefFor } from '../router';
import { ThreadItem } from '../ThreadItem';
import { useDocumentModel } from '../use-document';
import { groupPath, useLoad, useThemes } from '../use-load';

/** What anyone outside the comment's group (or after it was removed) reads: nothing of it. */
export const NOT_IN_GROUP = 'This comment is not in your group, or it has been removed.';

/**
 * A comment's permanent link (`/c/<uuid>`): the comment and its whole conversation for anyone
 * signed in to its group (the shell sends everyone else to sign in first, then back here). The
 * store answers 404 alike for another group's comment and a missing one, and so does this page.
 */
export function CommentPage({ uuid }: { uuid: string }) {
  const { session } = useApp();
  const themes = useThemes();
  const [loaded] = useLoad<CommentRead>(session ? `${groupPath(session.group.id)}/comments/${uuid}` : null);
  const read = loaded.state === 'done' ? loaded.value : null;
  const { model, onSent } = useDocumentModel(read);
  if (!session) return null;
  const commentId = read?.comment ?? null;
  const comment = (commentId && model?.comments.find((c) => c.id === commentId)) || null;

  if (loaded.state === 'failed' || (read && !comment)) {
    const missing = loaded.state !== 'failed' || loaded.status === 404 || loaded.status === 403;
    return (
      <>
        <PageHeading title="Comment not found" />
        <p>{read && !commentId ? 'Its author has removed this comment.' : missing ? NOT_IN_GROUP : loaded.state === 'failed' ? loaded.message : NOT_IN_GROUP}</p>
        <p>
          <AppLink href="/">See your group's documents</AppLink>
        </p>
      </>
    );
  }
  if (!read || !model || !comment) {
    return (
      <>
        <PageHeading title="Comment" />
        <p>Loading the comment…</p>
      </>
    );
  }
  const title = read.title || comment.documentTitle || read.source || comment.target.source;
  const link = documentLink(comment.target.source);
  return (
    <>
      <PageHeading title={`A comment on ${title}`} />
      <ul class="flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <AppLink href={hrefFor({ name: 'document', source: comment.target.source })}>All comments on this document</AppLink>
        </li>
        {link && (
          <li>
            <a href={link} class="text-blue-700 underline" rel="noopener noreferrer">
              Open the document
            </a>
          </li>
        )}
      </ul>
      {comment.section && <p class="text-sm text-grey-7">In the section “{comment.section}”</p>}
      <ThreadItem comment={comment} model={model} onSent={onSent} themes={themes} permalink={false} />
    </>
  );
}
