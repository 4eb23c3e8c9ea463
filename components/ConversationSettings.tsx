import { Button, Input } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';
import type { Profile } from '../utils/messaging/conversation-protocol';
import { useI18n } from './i18n';

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** What the options page needs for answers, notifications and linking browsers. */
export interface ConversationSettingsApi {
  getProfile(): Promise<Profile>;
  /** Only the fields that changed (null clears one). */
  updateProfile(patch: { jobTitle?: string | null; organisation?: string | null }): Promise<Profile>;
  getNotify(): Promise<{ on: boolean; granted: boolean }>;
  /** Ask the browser for the optional notifications permission (call from the click itself). */
  requestPermission(): Promise<boolean>;
  setNotify(on: boolean): Promise<{ on: boolean; granted: boolean }>;
  createLinkCode(): Promise<{ code: string; expiresAt: string }>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The options page's group extras, shown once connected: the job title and organisation that
 * appear with answers, the browser-notifications opt-in (the permission is asked for only when
 * the person turns it on), and a link code to use this membership on another browser.
 */
export function ConversationSettings({ api }: { api: ConversationSettingsApi }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [jobTitle, setJobTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [profileMessage, setProfileMessage] = useState('');
  /** The fields show once the profile is read (or could not be), so a late answer never overwrites typing. */
  const [profileRead, setProfileRead] = useState(false);
  const [saved, setSaved] = useState({ jobTitle: '', organisation: '' });
  const [notify, setNotify] = useState<{ on: boolean; granted: boolean } | null>(null);
  const [notifyMessage, setNotifyMessage] = useState('');
  const [link, setLink] = useState<{ code: string; expiresAt: string } | null>(null);
  const [linkMessage, setLinkMessage] = useState('');

  useEffect(() => {
    api
      .getProfile()
      .then(
        (p) => {
          setJobTitle(p.jobTitle ?? '');
          setOrganisation(p.organisation ?? '');
          setSaved({ jobTitle: p.jobTitle ?? '', organisation: p.organisation ?? '' });
        },
        (e: unknown) => setProfileMessage(message(e)),
      )
      .finally(() => setProfileRead(true));
    api.getNotify().then(setNotify, () => setNotify({ on: false, granted: false }));
  }, [api]);

  async function saveProfile(event: Event) {
    event.preventDefault();
    setProfileMessage('');
    try {
      // Send only what changed: an untouched empty field is left alone, not cleared again.
      const patch: { jobTitle?: string | null; organisation?: string | null } = {};
      if (jobTitle.trim() !== saved.jobTitle) patch.jobTitle = jobTitle.trim() || null;
      if (organisation.trim() !== saved.organisation) patch.organisation = organisation.trim() || null;
      const profile = await api.updateProfile(patch);
      setJobTitle(profile.jobTitle ?? '');
      setOrganisation(profile.organisation ?? '');
      setSaved({ jobTitle: profile.jobTitle ?? '', organisation: profile.organisation ?? '' });
      setProfileMessage(t('conversation.settings.profileSaved'));
    } catch (e) {
      setProfileMessage(message(e));
    }
  }

  async function toggleNotify(on: boolean) {
    setNotifyMessage('');
    try {
      // The permission prompt must come from the person's own click: ask before anything else.
      if (on && !(await api.requestPermission())) {
        setNotify((n) => ({ on: false, granted: n?.granted ?? false }));
        setNotifyMessage(t('conversation.settings.notifyRefused'));
        return;
      }
      const next = await api.setNotify(on);
      setNotify(next);
      setNotifyMessage(t(next.on ? 'conversation.settings.notifyOn' : 'conversation.settings.notifyOff'));
    } catch (e) {
      setNotifyMessage(message(e));
    }
  }

  async function makeCode() {
    setLinkMessage('');
    try {
      setLink(await api.createLinkCode());
    } catch (e) {
      setLinkMessage(message(e));
    }
  }

  return (
    <>
      <section aria-labelledby="answers-heading" class="space-y-3 rounded border border-grey-4 p-3">
        <h2 id="answers-heading" class="text-base font-bold">
          {t('conversation.settings.answersHeading')}
        </h2>
        <p class="text-grey-7">{t('conversation.settings.answersIntro')}</p>
        {!profileRead && <p>{t('conversation.settings.readingProfile')}</p>}
        <form class="space-y-3" onSubmit={saveProfile} hidden={!profileRead}>
          <div class="space-y-1">
            <label for="job-title" class="block font-semibold">
              {t('conversation.settings.jobTitle')}
            </label>
            <Input id="job-title" value={jobTitle} maxLength={200} onInput={(e) => setJobTitle((e.target as HTMLInputElement).value)} />
          </div>
          <div class="space-y-1">
            <label for="organisation" class="block font-semibold">
              {t('conversation.settings.organisation')}
            </label>
            <Input id="organisation" value={organisation} maxLength={200} onInput={(e) => setOrganisation((e.target as HTMLInputElement).value)} />
          </div>
          <Button type="submit">{t('conversation.settings.saveProfile')}</Button>
          <p role="status" aria-live="polite">
            {profileMessage}
          </p>
        </form>
      </section>
      <section aria-labelledby="notify-heading" class="space-y-2 rounded border border-grey-4 p-3">
        <h2 id="notify-heading" class="text-base font-bold">
          {t('conversation.settings.notifyHeading')}
        </h2>
        <div class="flex items-start gap-2">
          <input
            id="notify"
            type="checkbox"
            class="mt-1 h-5 w-5"
            checked={notify?.on ?? false}
            disabled={notify === null}
            aria-describedby="notify-hint"
            onChange={(e) => void toggleNotify((e.target as HTMLInputElement).checked)}
          />
          <div>
            <label for="notify" class="font-bold">
              {t('conversation.settings.notifyLabel')}
            </label>
            <p id="notify-hint" class="text-grey-7">
              {t('conversation.settings.notifyHint')}
            </p>
          </div>
        </div>
        <p role="status" aria-live="polite">
          {notifyMessage}
        </p>
      </section>
      <section aria-labelledby="link-heading" class="space-y-2 rounded border border-grey-4 p-3">
        <h2 id="link-heading" class="text-base font-bold">
          {t('conversation.settings.linkHeading')}
        </h2>
        <p class="text-grey-7">{t('conversation.settings.linkIntro')}</p>
        <Button onClick={() => void makeCode()}>{t('conversation.settings.makeLink')}</Button>
        <div role="status" aria-live="polite">
          {link && (
            <p>
              {t('conversation.settings.linkBefore')}
              <strong class="font-mono text-base">{link.code}</strong>
              {t('conversation.settings.linkAfter', { time: i18n.formatDate(link.expiresAt, TIME) })}
            </p>
          )}
          {linkMessage}
        </div>
      </section>
    </>
  );
}
