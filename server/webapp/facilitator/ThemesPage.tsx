import { Button, Input } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { MAX_THEME_LABEL, ThemeLabelSchema, ThemeSchema, ThemesResponseSchema, type Theme } from '../../../utils/model/themes';
import {
  ColumnHeads,
  useRowAction,
  ErrorText,
  getChecked,
  groupPath,
  idPart,
  LoadState,
  PageHeading,
  problemOf,
  sendChecked,
  useAnnouncer,
  useLoaded,
  usePageTitle,
  useSessionApi,
  usePendingFocus,
  type FacilitatorPageProps,
} from './page-kit';

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/**
 * A theme name as typed, checked before it goes to the store: trimmed, 1–60 characters, and
 * not the name of another theme of the group (ignoring case and spacing).
 */
export function checkThemeName(text: string, themes: readonly Theme[], except?: string): { label: string } | { problem: string } {
  const parsed = v.safeParse(ThemeLabelSchema, text);
  if (!parsed.success) return { problem: parsed.issues[0].message };
  const clash = themes.find((t) => t.id !== except && same(t.label, parsed.output));
  if (clash) return { problem: `There is already a theme called “${clash.label}”${clash.retired ? ' (retired: bring it back instead)' : ''}.` };
  return { label: parsed.output };
}

interface RowProps {
  theme: Theme;
  themes: readonly Theme[];
  update: (theme: Theme, change: { label?: string; retired?: boolean }) => Promise<Theme>;
  announce: (message: string) => void;
  focusLater: (id: string) => void;
}

/** One theme: its name (or the rename form), whether it is offered, Rename and Retire / Bring back. */
function ThemeRow({ theme, themes, update, announce, focusLater }: RowProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(theme.label);
  const { busy, problem, setProblem, run } = useRowAction();
  const key = idPart(theme.id);
  const ids = { rename: `rename-${key}`, field: `theme-name-${key}`, error: `theme-error-${key}`, toggle: `retire-${key}` };

  const save = (event: Event) => {
    event.preventDefault();
    const checked = checkThemeName(name, themes, theme.id);
    if ('problem' in checked) {
      setProblem(checked.problem);
      focusLater(ids.field);
      return;
    }
    if (checked.label === theme.label) {
      setRenaming(false);
      focusLater(ids.rename);
      return;
    }
    void run(async () => {
      const renamed = await update(theme, { label: checked.label });
      setRenaming(false);
      announce(`Theme renamed: “${theme.label}” is now “${renamed.label}”, on every comment that has it.`);
      focusLater(ids.rename);
    });
  };

  const toggle = () =>
    run(async () => {
      const changed = await update(theme, { retired: !theme.retired });
      announce(
        changed.retired
          ? `Theme retired: “${changed.label}” is no longer offered for new comments. Comments that have it keep it.`
          : `Theme brought back: “${changed.label}” is offered for new comments again.`,
      );
      focusLater(ids.toggle);
    });

  return (
    <tr class="border-t border-grey-3 align-top">
      <th scope="row" class="p-2 text-left font-semibold">
        {renaming ? (
          <form class="space-y-1" noValidate onSubmit={save}>
            <label for={ids.field} class="block">
              New name for “{theme.label}”
            </label>
            <Input
              id={ids.field}
              value={name}
              maxLength={MAX_THEME_LABEL + 20}
              feedback={problem ? 'error' : undefined}
              aria-describedby={problem ? ids.error : undefined}
              onInput={(e) => setName((e.target as HTMLInputElement).value)}
            />
            {problem && <ErrorText id={ids.error}>{problem}</ErrorText>}
            <div class="flex flex-wrap gap-2">
              <Button type="submit" size="sm" variant="primary" aria-disabled={busy || undefined}>
                Save name
              </Button>
              <Button
                size="sm"
                onClick={() => {
                  setRenaming(false);
                  setProblem(null);
                  focusLater(ids.rename);
                }}
              >
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          theme.label
        )}
      </th>
      <td class="p-2">{theme.retired ? 'Retired: not offered for new comments' : 'Offered'}</td>
      <td class="p-2">
        <div class="flex flex-wrap gap-2">
          {!renaming && (
            <Button
              id={ids.rename}
              size="sm"
              onClick={() => {
                setName(theme.label);
                setProblem(null);
                setRenaming(true);
                focusLater(ids.field);
              }}
            >
              Rename<span class="sr-only"> “{theme.label}”</span>
            </Button>
          )}
          <Button id={ids.toggle} size="sm" aria-disabled={busy || undefined} aria-describedby={problem && !renaming ? ids.error : undefined} onClick={() => void toggle()}>
            {theme.retired ? 'Bring back' : 'Retire'}
            <span class="sr-only"> “{theme.label}”</span>
          </Button>
        </div>
        {problem && !renaming && <ErrorText id={ids.error}>{problem}</ErrorText>}
      </td>
    </tr>
  );
}

/**
 * Themes (facilitators): the group's own theme vocabulary, Making It Real by default. Add a
 * theme, rename one (comments keep its stable id, so the new name shows everywhere), retire
 * one (no longer offered for new comments) or bring it back.
 */
export function ThemesPage({ api: given, session }: FacilitatorPageProps) {
  const api = useSessionApi(given);
  usePageTitle('Themes', session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const focusLater = usePendingFocus();
  const themes = useLoaded(() => getChecked(api, `${base}/themes`, ThemesResponseSchema).then((r) => r.themes));
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy || !themes.value) return;
    const checked = checkThemeName(label, themes.value);
    if ('problem' in checked) {
      setProblem(checked.problem);
      focusLater('new-theme');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const added = await sendChecked(api, 'POST', `${base}/themes`, { label: checked.label }, ThemeSchema);
      setLabel('');
      await themes.reload();
      announce(`Theme added: “${added.label}”. Members are offered it at their extension’s next sync.`);
      focusLater('new-theme');
    } catch (e) {
      setProblem(problemOf(e));
      focusLater('new-theme');
    } finally {
      setBusy(false);
    }
  };

  const update = async (theme: Theme, change: { label?: string; retired?: boolean }) => {
    const changed = await sendChecked(api, 'PATCH', `${base}/themes/${encodeURIComponent(theme.id)}`, change, ThemeSchema);
    await themes.reload();
    return changed;
  };

  const list = themes.value;
  const offered = list?.filter((t) => !t.retired).length ?? 0;
  return (
    <div class="space-y-6">
      <PageHeading title="Themes">
        Members choose one or more themes for each comment. {session.group.name} starts with the six Making It Real themes (from Think Local
        Act Personal). Add your own, rename a theme (the new name shows everywhere, on every comment that has it), or retire one you no longer
        use: it is no longer offered for new comments, and comments that have it keep it.
      </PageHeading>
      {region}
      {!list ? (
        <LoadState problem={themes.problem} loadingText="Loading the themes…" onRetry={() => void themes.reload()} />
      ) : (
        <>
          <section aria-labelledby="add-theme-heading" class="space-y-2">
            <h2 id="add-theme-heading" class="text-lg font-bold">
              Add a theme
            </h2>
            <form class="max-w-prose space-y-2" noValidate onSubmit={(e) => void add(e)}>
              <label for="new-theme" class="block font-semibold">
                Name of the new theme
              </label>
              <p id="new-theme-help" class="text-sm text-grey-7">
                Up to {MAX_THEME_LABEL} characters, in words members will recognise.
              </p>
              <Input
                id="new-theme"
                value={label}
                maxLength={MAX_THEME_LABEL + 20}
                feedback={problem ? 'error' : undefined}
                aria-describedby={problem ? 'new-theme-error new-theme-help' : 'new-theme-help'}
                onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
              />
              {problem && <ErrorText id="new-theme-error">{problem}</ErrorText>}
              <Button type="submit" variant="primary" aria-disabled={busy || undefined}>
                Add theme
              </Button>
            </form>
          </section>
          <section aria-labelledby="themes-heading" class="space-y-2">
            <h2 id="themes-heading" tabIndex={-1} class="text-lg font-bold">
              The group’s themes
            </h2>
            {themes.problem && <p class="rounded border border-red-error p-2">{themes.problem}</p>}
            <div class="overflow-x-auto">
              <table class="w-full border-collapse text-sm">
                <caption class="p-2 text-left">
                  {offered === 1 ? '1 theme is' : `${offered} themes are`} offered for new comments, in the order members see them
                  {list.length > offered ? `; ${list.length - offered} retired` : ''}.
                </caption>
                <ColumnHeads names={['Theme', 'State', 'Actions']} />
                <tbody>
                  {list.map((theme) => (
                    <ThemeRow key={theme.id} theme={theme} themes={list} update={update} announce={announce} focusLater={focusLater} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
