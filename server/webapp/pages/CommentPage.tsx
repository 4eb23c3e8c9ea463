import { useT } from '../../../components/i18n';
import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { PageHeading } from '../PageHeading';
import type { CommentRead } from '../read';
import { documentLink, hrefFor } from '../router';
import { ThreadItem } from '../ThreadItem';
import { useDocumentModel } from '../use-document';
import { groupPath, useLoad, useThemes } from '../use-load';

/**
 * A comment's permanent link (`/c/<uuid>`): the comment and its whole conversation for anyone
 * signed in to its group (the shell sends everyone else to sign in first, then back here). The
 * store answers 404 alike for another group's comment and a missing one, and so does this page.
 */
export function CommentPage({ uuid }: { uuid: string }) {
  const { session } = useApp();
  const t = useT();
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
        <PageHeading title={t('webapp.comment.notFound')} />
        {/* Anyone outside the comment's group (or after it was removed) reads nothing of it. */}
        <p>{read && !commentId ? t('webapp.comment.removed') : !missing && loaded.state === 'failed' ? loaded.message : t('webapp.comment.notInGroup')}</p>
        <p>
          <AppLink href="/">{t('webapp.comment.seeDocuments')}</AppLink>
        </p>
      </>
    );
  }
  if (!read || !model || !comment) {
    return (
      <>
        <PageHeading title={t('webapp.comment.title')} />
        <p>{t('webapp.comment.loading')}</p>
      </>
    );
  }
  const title = read.title || comment.documentTitle || read.source || comment.target.source;
  const link = documentLink(comment.target.source);
  return (
    <>
      <PageHeading title={t('webapp.comment.heading', { title })} />
      <ul class="flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <AppLink href={hrefFor({ name: 'document', source: comment.target.source })}>{t('webapp.comment.allOnDocument')}</AppLink>
        </li>
        {link && (
          <li>
            <a href={link} class="text-blue-700 underline" rel="noopener noreferrer">
              {t('webapp.document.open')}
            </a>
          </li>
        )}
      </ul>
      {comment.section && <p class="text-sm text-grey-7">{t('webapp.comment.inSection', { section: comment.section })}</p>}
      <ThreadItem comment={comment} model={model} onSent={onSent} themes={themes} permalink={false} focusId={read.focus} />
    </>
  );
}
