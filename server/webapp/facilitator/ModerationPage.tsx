import { useT } from '../../../components/i18n';
import { ModerationPanel } from '../../../components/ModerationPanel';
import { ModerationResponseSchema } from '../../../utils/sync/schemas';
import { getChecked, groupPath, LoadState, PageHeading, useAnnouncer, useLoaded, usePageTitle, useSessionApi, type FacilitatorPageProps } from './page-kit';

/** The store's path part for an annotation id (`urn:uuid:<uuid>` → `<uuid>`). */
export function uuidPart(id: string): string {
  return encodeURIComponent(id.replace(/^urn:uuid:/i, ''));
}

/**
 * Moderation (facilitators): the reported and hidden comments and replies to review, and the
 * moderation record, the same panel the extension's side panel shows ("To review"), here
 * talking to the store through the web session.
 */
export function ModerationPage({ api: given, session }: FacilitatorPageProps) {
  const api = useSessionApi(given);
  const t = useT();
  const title = t('facilitator.moderation.title');
  usePageTitle(title, session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const moderation = useLoaded(() => getChecked(api, `${base}/moderation`, ModerationResponseSchema));

  // Each action throws the store's plain sentence on failure (the panel shows it beside the
  // item); after success the list is read again, so a handled item leaves "To review".
  const act = (method: 'POST' | 'DELETE', path: (id: string) => string) => async (id: string, reason: string) => {
    await api.send(method, path(id), { reason });
    await moderation.reload();
  };
  const hide = act('POST', (id) => `${base}/annotations/${uuidPart(id)}/hide`);
  const unhide = act('DELETE', (id) => `${base}/annotations/${uuidPart(id)}/hide`);
  const dismiss = act('POST', (id) => `${base}/annotations/${uuidPart(id)}/reports/dismiss`);

  return (
    <div class="space-y-4">
      <PageHeading title={title}>{t('facilitator.moderation.lead')}</PageHeading>
      {region}
      {moderation.value ? (
        <>
          {moderation.problem && <p class="rounded border border-red-error p-2">{moderation.problem}</p>}
          <ModerationPanel list={moderation.value} onHide={hide} onUnhide={unhide} onDismiss={dismiss} announce={announce} linkFor={(id) => `/c/${uuidPart(id)}`} />
        </>
      ) : (
        <LoadState problem={moderation.problem} loadingText={t('facilitator.moderation.loading')} onRetry={() => void moderation.reload()} />
      )}
    </div>
  );
}
