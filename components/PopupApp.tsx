import { Button } from '@hypothesis/frontend-shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Notice } from '../utils/conversation/notice-types';
import type { NoticeList } from '../utils/messaging/conversation-protocol';
import type { MessageRef } from '../utils/i18n/translate';
import { useI18n } from './i18n';
import { withParts } from './message-parts';
import { WhatsNew } from './WhatsNew';

/** What the popup learns about the current tab. */
export interface PopupStatus {
  /** Why this page can't be commented on (translated when shown); null when it can. */
  cannotAnnotate: MessageRef | null;
  commentCount: number | null;
  /** The address of a PDF the browser is showing, which opens in the annotator's viewer. */
  pdfUrl?: string | null;
}

export interface PopupApi {
  getStatus(): Promise<PopupStatus>;
  openPanel(): Promise<void>;
  openSettings(): Promise<void>;
  openDigest(): Promise<void>;
  /** Show the PDF at `url` in the annotator's own viewer, in this tab. */
  openPdf?(url: string): Promise<void>;
  /** What's new, when connected to a group. */
  notices?: {
    list(): Promise<NoticeList>;
    markRead(ids: string[]): Promise<void>;
    /** Open the notice's document in a tab. */
    open(notice: Notice): Promise<void>;
  };
}

/** The keyboard shortcut (manifest's add-comment command), as the keys are printed on keyboards in both languages. */
const SHORTCUT = (
  <>
    {/* i18n-ignore: key names printed on the keys */}
    <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd>
  </>
);

/** The manifest's show-comments command. */
const SHOW_SHORTCUT = (
  <>
    {/* i18n-ignore: key names printed on the keys */}
    <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>O</kbd>
  </>
);

/** The toolbar popup: what is happening on this page and the way to the side panel and settings. */
export function PopupApp({ api }: { api: PopupApi }) {
  const { t, tr } = useI18n();
  const [status, setStatus] = useState<PopupStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notices, setNotices] = useState<NoticeList | null>(null);
  const loadNotices = useCallback(() => api.notices?.list().then(setNotices, () => setNotices(null)), [api]);
  useEffect(() => {
    api.getStatus().then(setStatus, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
    void loadNotices();
  }, [api, loadNotices]);
  const fail = (e: unknown) => setProblem(e instanceof Error ? e.message : String(e));

  const count = status?.commentCount;
  return (
    <main class="w-80 space-y-3 p-4 text-sm text-grey-9">
      <h1 class="text-base font-bold">{t('common.appName')}</h1>
      {!status && !problem && <p>{t('popup.checking')}</p>}
      {problem && <p>{problem}</p>}
      {status?.cannotAnnotate && (
        <p class="rounded border border-grey-5 bg-grey-1 p-2">
          <strong>{t('popup.cannotComment')}</strong> {tr(status.cannotAnnotate)}
        </p>
      )}
      {status?.pdfUrl && api.openPdf && (
        <div class="space-y-2 rounded border border-grey-5 bg-grey-1 p-2">
          <p>
            <strong>{t('popup.isPdf')}</strong> {t('popup.pdfExplain')}
          </p>
          <Button variant="primary" onClick={() => void api.openPdf!(status.pdfUrl!).catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}>
            {t('popup.openInAnnotator')}
          </Button>
        </div>
      )}
      {status && !status.cannotAnnotate && !status.pdfUrl && (
        <>
          <p>{count === null || count === undefined ? t('popup.reloadToStart') : t('popup.commentCount', { count })}</p>
          <p>
            {withParts(t('popup.howToAdd'), { button: <strong>{t('popup.addCommentButton')}</strong> })}{' '}
            {withParts(t('popup.howToAddKeyboard'), { keys: SHORTCUT })}
          </p>
          <p>
            {withParts(t('popup.howToFindWords'), { keys: SHORTCUT })}{' '}
            {withParts(t('popup.howToShowComments'), { keys: SHOW_SHORTCUT })}
          </p>
          <Button variant="primary" onClick={() => void api.openPanel().catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}>
            {t('popup.showComments')}
          </Button>
        </>
      )}
      {api.notices && notices && (
        <WhatsNew
          notices={notices.notices}
          limit={5}
          onOpen={(n) => void Promise.all([n.read ? null : api.notices!.markRead([n.id]), api.notices!.open(n)]).catch(fail)}
          onMarkAllRead={() => void api.notices!.markRead(notices.notices.filter((n) => !n.read).map((n) => n.id)).then(loadNotices, fail)}
        />
      )}
      <div>
        <Button onClick={() => void api.openSettings()}>{t('popup.settings')}</Button>{' '}
        <Button onClick={() => void api.openDigest()}>{t('popup.makeDigest')}</Button>
      </div>
    </main>
  );
}
