import { Button, Input } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { useI18n, useT } from '../../../components/i18n';
import { translator, type Translate } from '../../../utils/i18n/translate';
import { themeName } from '../../../utils/i18n/vocabulary-labels';
import { DEFAULT_THEMES, MAX_THEME_LABEL, ThemeLabelSchema, ThemeSchema, ThemesResponseSchema, type Theme } from '../../../utils/model/themes';
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

const ENGLISH = translator('en-GB').t;

/** What is wrong with a typed name, from ThemeLabelSchema's check that failed, in the reader's language. */
function nameProblem(issue: v.BaseIssue<unknown>, t: Translate, welsh: boolean): string {
  if (issue.type === 'max_length') return t(welsh ? 'facilitator.themes.welshTooLong' : 'facilitator.themes.nameTooLong', { max: MAX_THEME_LABEL });
  if (issue.type === 'regex') return t(welsh ? 'facilitator.themes.welshOneLine' : 'facilitator.themes.nameOneLine');
  return t('facilitator.themes.nameNeeded');
}

/**
 * A theme name as typed, checked before it goes to the store: trimmed, 1–60 characters, and
 * not the name of another theme of the group (ignoring case and spacing).
 */
export function checkThemeName(text: string, themes: readonly Theme[], except?: string, t: Translate = ENGLISH): { label: string } | { problem: string } {
  const parsed = v.safeParse(ThemeLabelSchema, text);
  if (!parsed.success) return { problem: nameProblem(parsed.issues[0], t, false) };
  const clash = themes.find((theme) => theme.id !== except && same(theme.label, parsed.output));
  if (clash) return { problem: t(clash.retired ? 'facilitator.themes.nameTakenRetired' : 'facilitator.themes.nameTaken', { name: clash.label }) };
  return { label: parsed.output };
}

/** The Welsh name members who read Welsh see for a theme: the group's, else the catalogue's for an unrenamed default, else none (null). */
function welshShown(theme: Theme): string | null {
  if (theme.labelCy) return theme.labelCy;
  const standard = DEFAULT_THEMES.some((d) => d.id === theme.id && d.label === theme.label);
  return standard ? themeName(translator('cy'), [theme], theme.id) : null;
}

/**
 * A Welsh name as typed: empty means none (null); else checked like a name, and not the Welsh
 * name another theme of the group shows (its own, or a default's standard Welsh name).
 */
export function checkWelshName(text: string, themes: readonly Theme[], except?: string, t: Translate = ENGLISH): { labelCy: string | null } | { problem: string } {
  if (text.trim() === '') return { labelCy: null };
  const parsed = v.safeParse(ThemeLabelSchema, text);
  if (!parsed.success) return { problem: nameProblem(parsed.issues[0], t, true) };
  const clash = themes.find((theme) => theme.id !== except && welshShown(theme) !== null && same(welshShown(theme)!, parsed.output));
  if (clash) return { problem: t('facilitator.themes.welshTaken', { theme: clash.label, name: welshShown(clash) ?? '' }) };
  return { labelCy: parsed.output };
}

/** A change the page sends: a new name, a Welsh name (null removes it), retired or not. */
export interface ThemeChange {
  label?: string;
  labelCy?: string | null;
  retired?: boolean;
}

interface RowProps {
  theme: Theme;
  themes: readonly Theme[];
  update: (theme: Theme, change: ThemeChange) => Promise<Theme>;
  announce: (message: string) => void;
  focusLater: (id: string) => void;
}

/** The Welsh name the table shows: the group's, else the catalogue's for an unrenamed default, else none. */
function WelshName({ theme }: { theme: Theme }) {
  const t = useT();
  if (theme.labelCy) return <span lang="cy">{theme.labelCy}</span>;
  const standard = welshShown(theme);
  if (standard) return <span class="text-grey-7">{t('facilitator.themes.welshStandard', { name: standard })}</span>;
  return <span class="text-grey-7">{t('facilitator.themes.welshNone')}</span>;
}

/** One theme: its name and Welsh name (or the form to change them), whether it is offered, Rename and Retire / Bring back. */
function ThemeRow({ theme, themes, update, announce, focusLater }: RowProps) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(theme.label);
  const [welsh, setWelsh] = useState(theme.labelCy ?? '');
  const [welshProblem, setWelshProblem] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useRowAction();
  const key = idPart(theme.id);
  const ids = {
    rename: `rename-${key}`,
    field: `theme-name-${key}`,
    error: `theme-error-${key}`,
    welsh: `theme-welsh-${key}`,
    welshHelp: `theme-welsh-help-${key}`,
    welshError: `theme-welsh-error-${key}`,
    toggle: `retire-${key}`,
  };
  const quoted = t('facilitator.themes.quoted', { name: theme.label });

  const close = () => {
    setRenaming(false);
    setProblem(null);
    setWelshProblem(null);
    focusLater(ids.rename);
  };

  const save = (event: Event) => {
    event.preventDefault();
    const checked = checkThemeName(name, themes, theme.id, t);
    const checkedCy = checkWelshName(welsh, themes, theme.id, t);
    setProblem('problem' in checked ? checked.problem : null);
    setWelshProblem('problem' in checkedCy ? checkedCy.problem : null);
    if ('problem' in checked || 'problem' in checkedCy) {
      focusLater('problem' in checked ? ids.field : ids.welsh);
      return;
    }
    const change: ThemeChange = {};
    if (checked.label !== theme.label) change.label = checked.label;
    if (checkedCy.labelCy !== (theme.labelCy ?? null)) change.labelCy = checkedCy.labelCy;
    if (Object.keys(change).length === 0) return close();
    void run(async () => {
      const changed = await update(theme, change);
      const said: string[] = [];
      if (change.label !== undefined) said.push(t('facilitator.themes.renamed', { from: theme.label, to: changed.label }));
      if (change.labelCy !== undefined) {
        said.push(changed.labelCy ? t('facilitator.themes.welshSaved', { name: changed.label, welsh: changed.labelCy }) : t('facilitator.themes.welshRemoved', { name: changed.label }));
      }
      setRenaming(false);
      announce(said.join(' '));
      focusLater(ids.rename);
    });
  };

  const toggle = () =>
    run(async () => {
      const changed = await update(theme, { retired: !theme.retired });
      announce(changed.retired ? t('facilitator.themes.retired', { name: changed.label }) : t('facilitator.themes.broughtBack', { name: changed.label }));
      focusLater(ids.toggle);
    });

  return (
    <tr class="border-t border-grey-3 align-top">
      <th scope="row" class="p-2 text-left font-semibold">
        {renaming ? (
          <form id={`theme-form-${key}`} class="space-y-1" noValidate onSubmit={save}>
            <label for={ids.field} class="block">
              {t('facilitator.themes.newNameFor', { name: theme.label })}
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
            <label for={ids.welsh} class="block">
              {t('facilitator.themes.welshNameFor', { name: theme.label })}
            </label>
            <p id={ids.welshHelp} class="text-sm font-normal text-grey-7">
              {t('facilitator.themes.welshHelp')}
            </p>
            <Input
              id={ids.welsh}
              lang="cy"
              value={welsh}
              maxLength={MAX_THEME_LABEL + 20}
              feedback={welshProblem ? 'error' : undefined}
              aria-describedby={welshProblem ? `${ids.welshError} ${ids.welshHelp}` : ids.welshHelp}
              onInput={(e) => setWelsh((e.target as HTMLInputElement).value)}
            />
            {welshProblem && <ErrorText id={ids.welshError}>{welshProblem}</ErrorText>}
            <div class="flex flex-wrap gap-2">
              <Button type="submit" size="sm" variant="primary" aria-disabled={busy || undefined}>
                {t('facilitator.themes.save')}
              </Button>
              <Button size="sm" onClick={close}>
                {t('facilitator.themes.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          theme.label
        )}
      </th>
      <td class="p-2">{renaming ? null : <WelshName theme={theme} />}</td>
      <td class="p-2">{theme.retired ? t('facilitator.themes.state.retired') : t('facilitator.themes.state.offered')}</td>
      <td class="p-2">
        <div class="flex flex-wrap gap-2">
          {!renaming && (
            <Button
              id={ids.rename}
              size="sm"
              onClick={() => {
                setName(theme.label);
                setWelsh(theme.labelCy ?? '');
                setProblem(null);
                setWelshProblem(null);
                setRenaming(true);
                focusLater(ids.field);
              }}
            >
              {t('facilitator.themes.rename')}
              <span class="sr-only"> {quoted}</span>
            </Button>
          )}
          <Button id={ids.toggle} size="sm" aria-disabled={busy || undefined} aria-describedby={problem && !renaming ? ids.error : undefined} onClick={() => void toggle()}>
            {theme.retired ? t('facilitator.themes.bringBack') : t('facilitator.themes.retire')}
            <span class="sr-only"> {quoted}</span>
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
  const { t } = useI18n();
  const title = t('facilitator.themes.title');
  usePageTitle(title, session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const focusLater = usePendingFocus();
  const themes = useLoaded(() => getChecked(api, `${base}/themes`, ThemesResponseSchema).then((r) => r.themes));
  const [label, setLabel] = useState('');
  const [labelCy, setLabelCy] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [welshProblem, setWelshProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy || !themes.value) return;
    const checked = checkThemeName(label, themes.value, undefined, t);
    const checkedCy = checkWelshName(labelCy, themes.value, undefined, t);
    setProblem('problem' in checked ? checked.problem : null);
    setWelshProblem('problem' in checkedCy ? checkedCy.problem : null);
    if ('problem' in checked || 'problem' in checkedCy) {
      focusLater('problem' in checked ? 'new-theme' : 'new-theme-cy');
      return;
    }
    setBusy(true);
    try {
      const body = checkedCy.labelCy ? { label: checked.label, labelCy: checkedCy.labelCy } : { label: checked.label };
      const added = await sendChecked(api, 'POST', `${base}/themes`, body, ThemeSchema);
      setLabel('');
      setLabelCy('');
      await themes.reload();
      announce(
        added.labelCy ? t('facilitator.themes.addedWithWelsh', { name: added.label, welsh: added.labelCy }) : t('facilitator.themes.added', { name: added.label }),
      );
      focusLater('new-theme');
    } catch (e) {
      setProblem(problemOf(e, t));
      focusLater('new-theme');
    } finally {
      setBusy(false);
    }
  };

  const update = async (theme: Theme, change: ThemeChange) => {
    const changed = await sendChecked(api, 'PATCH', `${base}/themes/${encodeURIComponent(theme.id)}`, change, ThemeSchema);
    await themes.reload();
    return changed;
  };

  const list = themes.value;
  const offered = list?.filter((t) => !t.retired).length ?? 0;
  return (
    <div class="space-y-6">
      <PageHeading title={title}>{t('facilitator.themes.lead', { group: session.group.name })}</PageHeading>
      {region}
      {!list ? (
        <LoadState problem={themes.problem} loadingText={t('facilitator.themes.loading')} onRetry={() => void themes.reload()} />
      ) : (
        <>
          <section aria-labelledby="add-theme-heading" class="space-y-2">
            <h2 id="add-theme-heading" class="text-lg font-bold">
              {t('facilitator.themes.addHeading')}
            </h2>
            <form class="max-w-prose space-y-2" noValidate onSubmit={(e) => void add(e)}>
              <label for="new-theme" class="block font-semibold">
                {t('facilitator.themes.newName')}
              </label>
              <p id="new-theme-help" class="text-sm text-grey-7">
                {t('facilitator.themes.newHelp', { max: MAX_THEME_LABEL })}
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
              <label for="new-theme-cy" class="block font-semibold">
                {t('facilitator.themes.welshName')}
              </label>
              <p id="new-theme-cy-help" class="text-sm text-grey-7">
                {t('facilitator.themes.newWelshHelp')}
              </p>
              <Input
                id="new-theme-cy"
                lang="cy"
                value={labelCy}
                maxLength={MAX_THEME_LABEL + 20}
                feedback={welshProblem ? 'error' : undefined}
                aria-describedby={welshProblem ? 'new-theme-cy-error new-theme-cy-help' : 'new-theme-cy-help'}
                onInput={(e) => setLabelCy((e.target as HTMLInputElement).value)}
              />
              {welshProblem && <ErrorText id="new-theme-cy-error">{welshProblem}</ErrorText>}
              <Button type="submit" variant="primary" aria-disabled={busy || undefined}>
                {t('facilitator.themes.add')}
              </Button>
            </form>
          </section>
          <section aria-labelledby="themes-heading" class="space-y-2">
            <h2 id="themes-heading" tabIndex={-1} class="text-lg font-bold">
              {t('facilitator.themes.listHeading')}
            </h2>
            {themes.problem && <p class="rounded border border-red-error p-2">{themes.problem}</p>}
            <div class="overflow-x-auto">
              <table class="w-full border-collapse text-sm">
                <caption class="p-2 text-left">
                  {t('facilitator.themes.caption', {
                    count: offered,
                    retired: list.length > offered ? t('facilitator.themes.captionRetired', { count: list.length - offered }) : '',
                  })}
                </caption>
                <ColumnHeads names={(['theme', 'welsh', 'state', 'actions'] as const).map((column) => t(`facilitator.themes.column.${column}`))} />
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
