import { Button, Input, RadioButton } from '@hypothesis/frontend-shared';
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { GroupConnection, type GroupConnectionApi } from './GroupConnection';
import { ATTRIBUTIONS, PERSPECTIVES, SettingsSchema, VISIBILITIES, type Settings } from '../utils/model';

export interface OptionsApi {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Present in the extension; left out where there is no group store (tests of the settings form). */
  group?: GroupConnectionApi;
}

/** Settings page: the person's name and the choices new comments start with. */
export function OptionsApp({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void api.load().then(setSettings), [api]);
  if (!settings) return <main class="p-4">Loading your settings…</main>;

  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  async function submit(event: Event) {
    event.preventDefault();
    const checked = v.safeParse(SettingsSchema, settings);
    if (!checked.success) {
      setMessage(checked.issues.map((i) => i.message).join(' '));
      return;
    }
    try {
      await api.save(checked.output);
      setMessage('Your settings are saved.');
    } catch (e) {
      setMessage(`Your settings could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const radios = <K extends 'defaultAttribution' | 'defaultVisibility' | 'defaultPerspective'>(
    legend: string,
    key: K,
    options: ReadonlyArray<{ value: Settings[K]; label: string }>,
  ) => (
    <fieldset class="space-y-1">
      <legend class="font-semibold">{legend}</legend>
      {options.map((o) => (
        <RadioButton key={o.value} name={key} value={o.value} checked={settings[key] === o.value} onChange={() => update({ [key]: o.value } as Partial<Settings>)}>
          {o.label}
        </RadioButton>
      ))}
    </fieldset>
  );

  return (
    <main class="max-w-xl space-y-4 p-4 text-sm text-grey-9">
      <h1 class="text-lg font-bold">Lived Experience Annotator settings</h1>
      <form class="space-y-4" onSubmit={submit}>
        <div class="space-y-1">
          <label for="display-name" class="block font-semibold">
            Your name
          </label>
          <p id="display-name-hint" class="text-grey-7">
            Shown only on comments where you choose “Show my name”. Leave it empty to always be anonymous.
          </p>
          <Input
            id="display-name"
            aria-describedby="display-name-hint"
            value={settings.displayName}
            maxLength={200}
            onInput={(e) => update({ displayName: (e.target as HTMLInputElement).value })}
          />
        </div>
        {radios('New comments show my name', 'defaultAttribution', ATTRIBUTIONS)}
        {radios('New comments can be seen by', 'defaultVisibility', VISIBILITIES)}
        {radios('Which describes you?', 'defaultPerspective', PERSPECTIVES)}
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
              Open PDFs in the annotator
            </label>
            <p id="open-pdfs-hint" class="text-grey-7">
              When you open a PDF on a website, show it in the annotator straight away so you can comment on it. Otherwise choose “Open in the annotator” from the toolbar button.
            </p>
          </div>
        </div>
        <Button type="submit" variant="primary">
          Save settings
        </Button>
        <p role="status" aria-live="polite">
          {message}
        </p>
      </form>
      {api.group && <GroupConnection api={api.group} defaultName={settings.displayName} />}
    </main>
  );
}
