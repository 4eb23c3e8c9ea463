import { Button, Input } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';
import type { SyncOverview } from '../utils/messaging';
import { ROLE_DESCRIPTIONS } from '../utils/model';
import { ConversationSettings, type ConversationSettingsApi } from './ConversationSettings';

export interface GroupConnectionApi {
  overview(): Promise<SyncOverview>;
  connect(input: { baseUrl: string; code: string; displayName: string }): Promise<void>;
  disconnect(): Promise<void>;
  forgetMe(): Promise<void>;
  /** Connect as the same member as on another browser, with a link code made there. */
  linkConnect?(input: { baseUrl: string; code: string }): Promise<void>;
  /** Job title and organisation, notifications and link codes (shown once connected). */
  conversation?: ConversationSettingsApi;
}

/**
 * The one screen for joining a group's shared store: its address, the invite code from the
 * facilitator, and the name to show. Once connected, it says so and offers to leave.
 */
export function GroupConnection({ api, defaultName }: { api: GroupConnectionApi; defaultName: string }) {
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [baseUrl, setBaseUrl] = useState('http://localhost:8787');
  const [code, setCode] = useState('');
  const [name, setName] = useState(defaultName);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const [linkCode, setLinkCode] = useState('');

  const refresh = () => api.overview().then(setOverview, (e: unknown) => setMessage(String(e instanceof Error ? e.message : e)));
  useEffect(() => void refresh(), [api]);
  useEffect(() => setName((current) => current || defaultName), [defaultName]);

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setMessage('');
    try {
      await action();
      // Show the new state first, so "You are connected…" is announced over what it describes.
      await refresh();
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    if (!code.trim()) return setMessage('Please type the invite code your facilitator gave you.');
    if (!name.trim()) return setMessage('Please type the name to show to your group.');
    void run(() => api.connect({ baseUrl: baseUrl.trim(), code: code.trim(), displayName: name.trim() }), 'You are connected to your group.');
  }

  function submitLink(event: Event) {
    event.preventDefault();
    if (!linkCode.trim()) return setMessage('Please type the link code from your other browser.');
    void run(() => api.linkConnect!({ baseUrl: baseUrl.trim(), code: linkCode.trim() }), 'You are connected to your group, as on your other browser.');
  }

  const connection = overview?.connection;
  return (
    <>
    <section aria-labelledby="group-heading" class="space-y-3 rounded border border-grey-4 p-3">
      <h2 id="group-heading" class="text-base font-bold">
        Your group
      </h2>
      {connection ? (
        <>
          <p>
            Connected to the group store at <strong>{connection.baseUrl}</strong> as <strong>{connection.displayName}</strong>, {ROLE_DESCRIPTIONS[connection.role]}.
          </p>
          <p>Status: {overview.sentence}</p>
          <div class="flex flex-wrap gap-2">
            <Button disabled={busy} onClick={() => void run(() => api.disconnect(), 'You have left the group on this computer. Your comments are still here.')}>
              Disconnect this computer
            </Button>
            {!confirmForget ? (
              <Button disabled={busy} onClick={() => setConfirmForget(true)}>
                Forget me…
              </Button>
            ) : (
              <div role="group" aria-label="Confirm forget me" class="space-y-2 rounded border border-red-error p-2">
                <p>This removes every comment you wrote from the group, for everyone, and takes your name off. It can’t be undone.</p>
                <Button variant="primary" disabled={busy} onClick={() => void run(() => api.forgetMe(), 'Your comments and name have been removed from the group.')}>
                  Yes, forget me
                </Button>{' '}
                <Button onClick={() => setConfirmForget(false)}>No, keep my comments</Button>
              </div>
            )}
          </div>
        </>
      ) : (
        <form class="space-y-3" onSubmit={submit}>
          <p>Your facilitator gives you the group store’s address and an invite code. Until you connect, your comments stay on this computer only.</p>
          <div class="space-y-1">
            <label for="store-url" class="block font-semibold">
              Group store address
            </label>
            <Input id="store-url" type="url" value={baseUrl} onInput={(e) => setBaseUrl((e.target as HTMLInputElement).value)} />
          </div>
          <div class="space-y-1">
            <label for="invite-code" class="block font-semibold">
              Invite code
            </label>
            <Input id="invite-code" autocomplete="off" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          </div>
          <div class="space-y-1">
            <label for="group-name" class="block font-semibold">
              Name to show your group
            </label>
            <Input id="group-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </div>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect to my group'}
          </Button>
        </form>
      )}
      {!connection && api.linkConnect && (
        <form class="space-y-2 border-t border-grey-3 pt-3" onSubmit={submitLink}>
          <p>Already in the group on another browser? Make a link code there (Settings, “Use on another browser”), then type it here with the group store address above.</p>
          <div class="space-y-1">
            <label for="link-code" class="block font-semibold">
              Link code
            </label>
            <Input id="link-code" autocomplete="off" value={linkCode} onInput={(e) => setLinkCode((e.target as HTMLInputElement).value)} />
          </div>
          <Button type="submit" disabled={busy}>
            Use this link code
          </Button>
        </form>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
    {connection && api.conversation && <ConversationSettings api={api.conversation} />}
    </>
  );
}
