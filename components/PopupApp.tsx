import { Button } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';

/** What the popup learns about the current tab. */
export interface PopupStatus {
  /** Why this page can't be commented on, in plain words; null when it can. */
  cannotAnnotate: string | null;
  commentCount: number | null;
}

export interface PopupApi {
  getStatus(): Promise<PopupStatus>;
  openPanel(): Promise<void>;
  openSettings(): Promise<void>;
  openDigest(): Promise<void>;
}

/** The toolbar popup: what is happening on this page and the way to the side panel and settings. */
export function PopupApp({ api }: { api: PopupApi }) {
  const [status, setStatus] = useState<PopupStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api.getStatus().then(setStatus, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [api]);

  const count = status?.commentCount;
  return (
    <main class="w-80 space-y-3 p-4 text-sm text-grey-9">
      <h1 class="text-base font-bold">Lived Experience Annotator</h1>
      {!status && !problem && <p>Checking this page…</p>}
      {problem && <p>{problem}</p>}
      {status?.cannotAnnotate && (
        <p class="rounded border border-grey-5 bg-grey-1 p-2">
          <strong>You can’t comment on this page.</strong> {status.cannotAnnotate}
        </p>
      )}
      {status && !status.cannotAnnotate && (
        <>
          <p>{count === null ? 'Reload this page to start commenting on it.' : count === 1 ? 'There is 1 comment on this page.' : `There are ${count} comments on this page.`}</p>
          <p>
            To add a comment, select some words on the page, then choose <strong>Add comment</strong>. With a keyboard, select the words and press{' '}
            <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd>.
          </p>
          <Button variant="primary" onClick={() => void api.openPanel().catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}>
            Show comments on this page
          </Button>
        </>
      )}
      <div>
        <Button onClick={() => void api.openSettings()}>Settings</Button>{' '}
        <Button onClick={() => void api.openDigest()}>Make a digest of all comments</Button>
      </div>
    </main>
  );
}
