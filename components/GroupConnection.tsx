import { Button, Input, RadioButton } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';
import type { SyncOverview } from '../utils/messaging';
import type { Role } from '../utils/model';
import type { MessageKey } from '../utils/i18n/catalogue';
import type { MessageRef } from '../utils/i18n/translate';
import { ConversationSettings, type ConversationSettingsApi } from './ConversationSettings';
import { useI18n } from './i18n';
import { withParts } from './message-parts';
import { sentenceFrom } from '../utils/sync/describe-sync-state';

/** Each role in words, for "Connected … as <name>, <this>." */
const ROLE_KEYS: Record<Role, MessageKey> = {
  facilitator: 'options.group.role.facilitator',
  member: 'options.group.role.member',
  reader: 'options.group.role.reader',
};

export interface GroupConnectionApi {
  overview(): Promise<SyncOverview>;
  connect(input: { baseUrl: string; code: string; displayName: string }): Promise<void>;
  disconnect(): Promise<void>;
  /** `keepAnonymous`: what they wrote without their name stays in the group, with nothing linking it to them. */
  forgetMe(options?: { keepAnonymous?: boolean }): Promise<void>;
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
  const { t, tr } = useI18n();
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [baseUrl, setBaseUrl] = useState('http://localhost:8787');
  const [code, setCode] = useState('');
  const [name, setName] = useState(defaultName);
  // A catalogue message (shown in the language of the moment), or an error's own words.
  const [message, setMessage] = useState<MessageRef | string>('');
  const [busy, setBusy] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const [keepAnonymous, setKeepAnonymous] = useState(false);
  const [linkCode, setLinkCode] = useState('');

  const refresh = () => api.overview().then(setOverview, (e: unknown) => setMessage(String(e instanceof Error ? e.message : e)));
  useEffect(() => void refresh(), [api]);
  useEffect(() => setName((current) => current || defaultName), [defaultName]);

  async function run(action: () => Promise<void>, done: MessageKey) {
    setBusy(true);
    setMessage('');
    try {
      await action();
      // Show the new state first, so "You are connected…" is announced over what it describes.
      await refresh();
      setMessage({ key: done });
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    if (!code.trim()) return setMessage({ key: 'options.group.needCode' });
    if (!name.trim()) return setMessage({ key: 'options.group.needName' });
    void run(() => api.connect({ baseUrl: baseUrl.trim(), code: code.trim(), displayName: name.trim() }), 'options.group.connected');
  }

  function submitLink(event: Event) {
    event.preventDefault();
    if (!linkCode.trim()) return setMessage({ key: 'options.group.needLinkCode' });
    void run(() => api.linkConnect!({ baseUrl: baseUrl.trim(), code: linkCode.trim() }), 'options.group.linked');
  }

  const connection = overview?.connection;
  return (
    <>
    <section aria-labelledby="group-heading" class="space-y-3 rounded border border-grey-4 p-3">
      <h2 id="group-heading" class="text-base font-bold">
        {t('options.group.heading')}
      </h2>
      {connection ? (
        <>
          <p>
            {withParts(t('options.group.connectedTo'), {
              address: <strong>{connection.baseUrl}</strong>,
              name: <strong>{connection.displayName}</strong>,
              role: t(ROLE_KEYS[connection.role]),
            })}
          </p>
          <p>{t('options.group.status', { sentence: overview.sentenceParts?.length ? sentenceFrom(tr, overview.sentenceParts) : overview.sentence })}</p>
          <div class="flex flex-wrap gap-2">
            <Button disabled={busy} onClick={() => void run(() => api.disconnect(), 'options.group.left')}>
              {t('options.group.disconnect')}
            </Button>
            {!confirmForget ? (
              <Button disabled={busy} onClick={() => setConfirmForget(true)}>
                {t('options.group.forgetMe')}
              </Button>
            ) : (
              <div role="group" aria-label={t('options.group.confirmForget')} class="space-y-2 rounded border border-red-error p-2">
                <p>{t('options.group.forgetWarning')}</p>
                <fieldset class="space-y-1">
                  <legend class="font-semibold">{t('options.group.anonymousLegend')}</legend>
                  <p id="forget-anonymous-hint" class="text-xs">
                    {t('options.group.anonymousHint')}
                  </p>
                  <RadioButton name="forget-anonymous" value="remove" checked={!keepAnonymous} onChange={() => setKeepAnonymous(false)} aria-describedby="forget-anonymous-hint">
                    {t('options.group.anonymousRemove')}
                  </RadioButton>
                  <RadioButton name="forget-anonymous" value="keep" checked={keepAnonymous} onChange={() => setKeepAnonymous(true)} aria-describedby="forget-anonymous-hint">
                    {t('options.group.anonymousKeep')}
                  </RadioButton>
                </fieldset>
                <Button variant="primary" disabled={busy} onClick={() => void run(() => api.forgetMe({ keepAnonymous }), 'options.group.forgotten')}>
                  {t('options.group.yesForget')}
                </Button>{' '}
                <Button onClick={() => setConfirmForget(false)}>{t('options.group.noKeep')}</Button>
              </div>
            )}
          </div>
        </>
      ) : (
        <form class="space-y-3" onSubmit={submit}>
          <p>{t('options.group.intro')}</p>
          <div class="space-y-1">
            <label for="store-url" class="block font-semibold">
              {t('options.group.address')}
            </label>
            <Input id="store-url" type="url" value={baseUrl} onInput={(e) => setBaseUrl((e.target as HTMLInputElement).value)} />
          </div>
          <div class="space-y-1">
            <label for="invite-code" class="block font-semibold">
              {t('options.group.inviteCode')}
            </label>
            <Input id="invite-code" autocomplete="off" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          </div>
          <div class="space-y-1">
            <label for="group-name" class="block font-semibold">
              {t('options.group.nameToShow')}
            </label>
            <Input id="group-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </div>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('options.group.connecting') : t('options.group.connect')}
          </Button>
        </form>
      )}
      {!connection && api.linkConnect && (
        <form class="space-y-2 border-t border-grey-3 pt-3" onSubmit={submitLink}>
          <p>{t('options.group.linkIntro')}</p>
          <div class="space-y-1">
            <label for="link-code" class="block font-semibold">
              {t('options.group.linkCode')}
            </label>
            <Input id="link-code" autocomplete="off" value={linkCode} onInput={(e) => setLinkCode((e.target as HTMLInputElement).value)} />
          </div>
          <Button type="submit" disabled={busy}>
            {t('options.group.useLinkCode')}
          </Button>
        </form>
      )}
      <p role="status" aria-live="polite">
        {typeof message === 'string' ? message : tr(message)}
      </p>
    </section>
    {connection && api.conversation && <ConversationSettings api={api.conversation} />}
    </>
  );
}
