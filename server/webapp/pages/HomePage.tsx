import { useI18n } from '../../../components/i18n';
import type { MessageKey } from '../../../utils/i18n/catalogue';
import type { Translator } from '../../../utils/i18n/translate';
import { themeName } from '../../../utils/i18n/vocabulary-labels';
import { AppLink } from '../AppLink';
import { useApp } from '../app-context';
import { DigestLinks } from '../DigestLinks';
import { PageHeading } from '../PageHeading';
import type { Overview } from '../read';
import { hrefFor, uuidOf } from '../router';
import { groupPath, useLoad, useThemes } from '../use-load';

const KIND_KEYS: Record<Overview['recent'][number]['kind'], MessageKey> = { comment: 'webapp.home.kind.comment', reply: 'webapp.home.kind.reply', answer: 'webapp.home.kind.answer' };

/** A date people read ("23 November 2026", "23 Tachwedd 2026"), or '' for a missing or malformed one. */
export function readableDate(i18n: Translator, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : i18n.formatDate(date, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Home: the group's documents (comments by theme, not answered yet, last activity) and recent activity. */
export function HomePage() {
  const { session } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const themes = useThemes();
  const [overview] = useLoad<Overview>(session ? `${groupPath(session.group.id)}/overview` : null);
  if (!session) return null;
  return (
    <>
      <PageHeading title={t('webapp.home.title')}>{t('webapp.home.heading')}</PageHeading>
      {overview.state === 'loading' && <p>{t('webapp.home.loading')}</p>}
      {overview.state === 'failed' && <p class="font-semibold text-red-dark">{overview.message}</p>}
      {overview.state === 'done' && (
        <>
          {overview.value.documents.length === 0 ? (
            <p>{t('webapp.home.none')}</p>
          ) : (
            <ul class="space-y-3" aria-label={t('webapp.home.listLabel')}>
              {overview.value.documents.map((doc) => {
                const themed = Object.entries(doc.byTheme).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
                return (
                  <li key={doc.source} class="space-y-1 rounded border border-grey-4 bg-white p-3">
                    <h2 class="text-lg font-bold">
                      <AppLink href={hrefFor({ name: 'document', source: doc.source })}>{doc.title || doc.source}</AppLink>
                    </h2>
                    <p>
                      {t('common.commentCount', { count: doc.comments })} · {t('webapp.home.unanswered', { count: doc.unanswered })}
                      {doc.lastActivityAt && <> · {t('webapp.home.lastActivity', { date: readableDate(i18n, doc.lastActivityAt) })}</>}
                    </p>
                    {themed.length > 0 && (
                      <ul class="flex flex-wrap gap-1 text-sm" aria-label={t('webapp.home.byTheme', { title: doc.title || doc.source })}>
                        {themed.map(([theme, n]) => (
                          <li key={theme} class="rounded border border-grey-5 bg-grey-1 px-1.5 py-0.5">
                            {themeName(i18n, themes, theme)}: {i18n.formatNumber(n)}
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
              {t('webapp.home.recent')}
            </h2>
            {overview.value.recent.length === 0 ? (
              <p>{t('webapp.home.nothingYet')}</p>
            ) : (
              <ul class="space-y-2">
                {overview.value.recent.map((item) => (
                  <li key={`${item.commentId}-${item.at}-${item.kind}`} class="space-y-0.5">
                    <p class="text-sm">
                      <span class="font-semibold">{t(KIND_KEYS[item.kind] ?? 'webapp.home.kind.other')}</span> {t('webapp.on', { title: item.title || item.source || '' })} · {readableDate(i18n, item.at)}
                    </p>
                    <p>
                      <AppLink href={hrefFor({ name: 'comment', uuid: uuidOf(item.commentId) })}>{item.excerpt || t('webapp.home.readComment')}</AppLink>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <DigestLinks groupId={session.group.id} filters={{}} what={t('webapp.home.digestWhat')} />
    </>
  );
}
