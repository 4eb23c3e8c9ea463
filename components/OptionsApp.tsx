import { Button, Input, RadioButton } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { GroupConnection, type GroupConnectionApi } from './GroupConnection';
import { ATTRIBUTIONS, PERSPECTIVES, SettingsSchema, VISIBILITIES, type Settings } from '../utils/model';
import { LANGUAGE_NAMES, LOCALES } from '../utils/i18n/locales';
import type { MessageRef, Translate } from '../utils/i18n/translate';
import { attributionLabel, perspectiveLabel, visibilityLabel } from '../utils/i18n/vocabulary-labels';
import { useI18n } from './i18n';

export interface OptionsApi {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Present in the extension; left out where there is no group store (tests of the settings form). */
  group?: GroupConnectionApi;
}

/** The language choices: the browser's, then each language by its own name (in its own language). */
const LANGUAGE_CHOICES: ReadonlyArray<Settings['language']> = ['browser', ...LOCALES];

const languageLabel = (t: Translate, choice: Settings['language']) => (choice === 'browser' ? t('common.languageBrowser') : LANGUAGE_NAMES[choice]);

/** Settings page: the person's name, the language, and the choices new comments start with. */
export function OptionsApp({ api }: { api: OptionsApi }) {
  const { t, tr } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  // Kept as a message, not words: saving a new language shows "saved" in that language.
  const [message, setMessage] = useState<MessageRef | null>(null);
  useEffect(() => void api.load().then(setSettings), [api]);
  if (!settings) return <main class="p-4">{t('options.loading')}</main>;

  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  async function submit(event: Event) {
    event.preventDefault();
    const checked = v.safeParse(SettingsSchema, settings);
    if (!checked.success) {
      const nameProblem = checked.issues.some((i) => i.path?.[0]?.key === 'displayName');
      setMessage({ key: nameProblem ? 'options.nameTooLong' : 'options.invalid' });
      return;
    }
    try {
      await api.save(checked.output);
      setMessage({ key: 'options.saved' });
    } catch (e) {
      setMessage({ key: 'options.notSaved', params: { reason: e instanceof Error ? e.message : String(e) } });
    }
  }

  const radios = <K extends 'defaultAttribution' | 'defaultVisibility' | 'defaultPerspective'>(
    legend: string,
    key: K,
    options: ReadonlyArray<{ value: Settings[K] }>,
    label: (t: Translate, id: string) => string,
  ) => (
    <fieldset class="space-y-1">
      <legend class="font-semibold">{legend}</legend>
      {options.map((o) => (
        <RadioButton key={o.value} name={key} value={o.value} checked={settings[key] === o.value} onChange={() => update({ [key]: o.value } as Partial<Settings>)}>
          {label(t, o.value)}
        </RadioButton>
      ))}
    </fieldset>
  );

  return (
    <main class="max-w-xl space-y-4 p-4 text-sm text-grey-9">
      <h1 class="text-lg font-bold">{t('options.heading')}</h1>
      <form class="space-y-4" onSubmit={submit}>
        <div class="space-y-1">
          <label for="display-name" class="block font-semibold">
            {t('options.nameLabel')}
          </label>
          <p id="display-name-hint" class="text-grey-7">
            {t('options.nameHint')}
          </p>
          <Input
            id="display-name"
            aria-describedby="display-name-hint"
            value={settings.displayName}
            maxLength={200}
            onInput={(e) => update({ displayName: (e.target as HTMLInputElement).value })}
          />
        </div>
        <fieldset class="space-y-1" aria-describedby="language-hint">
          <legend class="font-semibold">{t('common.language')}</legend>
          <p id="language-hint" class="text-grey-7">
            {t('options.languageHint')}
          </p>
          {LANGUAGE_CHOICES.map((choice) => (
            <RadioButton key={choice} name="language" value={choice} checked={settings.language === choice} onChange={() => update({ language: choice })}>
              <span lang={choice === 'browser' ? undefined : choice}>{languageLabel(t, choice)}</span>
            </RadioButton>
          ))}
        </fieldset>
        {radios(t('options.defaultAttribution'), 'defaultAttribution', ATTRIBUTIONS, attributionLabel)}
        {radios(t('options.defaultVisibility'), 'defaultVisibility', VISIBILITIES, visibilityLabel)}
        {radios(t('options.defaultPerspective'), 'defaultPerspective', PERSPECTIVES, perspectiveLabel)}
        <div class="flex items-start gap-2">
          <input
            id="open-pdfs"
            type="checkbox"
            class="mt-1 h-5 w-5"
            checked={settings.openPdfsInAnnotator}
            aria-describedby="open-pdfs-hint"
            onChange={(e) => update({ openPdfsInAnnotator: (e.target as HTMLInputElement).checked })}
          />
          <div>
            <label for="open-pdfs" class="font-bold">
              {t('options.openPdfs')}
            </label>
            <p id="open-pdfs-hint" class="text-grey-7">
              {t('options.openPdfsHint')}
            </p>
          </div>
        </div>
        <Button type="submit" variant="primary">
          {t('options.save')}
        </Button>
        <p role="status" aria-live="polite">
          {message && tr(message)}
        </p>
      </form>
      {api.group && <GroupConnection api={api.group} defaultName={settings.displayName} />}
    </main>
  );
}
