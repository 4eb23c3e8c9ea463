import { Button, Input } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import { useI18n, useT } from '../../../components/i18n';
import { documentAddress, MAX_LINK_ADDRESS, MAX_LINK_LABEL } from '../../../utils/document/document-address';
import { translator, type Translate } from '../../../utils/i18n/translate';
import { documentLink } from '../router';
import {
  ErrorText,
  formatDay,
  getChecked,
  groupPath,
  idPart,
  ListSection,
  PageHeading,
  problemOf,
  sendChecked,
  useAnnouncer,
  useLoaded,
  usePageTitle,
  usePendingFocus,
  useRowAction,
  useSessionApi,
  type FacilitatorPageProps,
} from './page-kit';
import { DocumentLinkResponseSchema, DocumentLinksResponseSchema, type DocumentLinkRow } from './schemas';

const ENGLISH = translator('en-GB').t;

/** The form's four fields, as typed. */
export interface LinkForm {
  earlier: string;
  later: string;
  earlierLabel: string;
  laterLabel: string;
}

type Field = keyof LinkForm;

/** What the store is sent, or what is wrong with each field (in the reader's language). */
export type CheckedLink =
  | { link: { earlier: string; later: string; earlierLabel?: string; laterLabel?: string } }
  | { problems: Partial<Record<Field, string>> };

/** One address as typed: needed, an http(s) address (or a PDF's `urn:x-pdf:`), and not too long. */
function addressProblem(text: string, which: 'earlier' | 'later', t: Translate): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return t(`facilitator.versions.${which}Needed`);
  if (trimmed.length > MAX_LINK_ADDRESS) return t('facilitator.versions.addressTooLong', { max: MAX_LINK_ADDRESS });
  return documentAddress(trimmed) === null ? t('facilitator.versions.addressNotWeb') : null;
}

/** A name as typed: optional, one line, up to 200 characters. */
function labelProblem(text: string, t: Translate): string | null {
  if (text.trim().length > MAX_LINK_LABEL) return t('facilitator.versions.nameTooLong', { max: MAX_LINK_LABEL });
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(text.trim()) ? t('facilitator.versions.nameOneLine') : null;
}

/**
 * The link form checked before it goes to the store (which checks it again): both addresses
 * given and web addresses, not the same document twice, names optional and one line.
 */
export function checkLink(form: LinkForm, t: Translate = ENGLISH): CheckedLink {
  const problems: Partial<Record<Field, string>> = {};
  const earlierProblem = addressProblem(form.earlier, 'earlier', t);
  const laterProblem = addressProblem(form.later, 'later', t);
  if (earlierProblem) problems.earlier = earlierProblem;
  if (laterProblem) problems.later = laterProblem;
  if (!earlierProblem && !laterProblem && documentAddress(form.earlier.trim()) === documentAddress(form.later.trim())) {
    problems.later = t('facilitator.versions.sameDocument');
  }
  for (const field of ['earlierLabel', 'laterLabel'] as const) {
    const problem = labelProblem(form[field], t);
    if (problem) problems[field] = problem;
  }
  if (Object.keys(problems).length > 0) return { problems };
  const earlierLabel = form.earlierLabel.trim();
  const laterLabel = form.laterLabel.trim();
  return {
    link: {
      earlier: form.earlier.trim(),
      later: form.later.trim(),
      ...(earlierLabel ? { earlierLabel } : {}),
      ...(laterLabel ? { laterLabel } : {}),
    },
  };
}

/** How a linked version is named on the page: its name, then its address (a link for http(s) only). */
function VersionCell({ label, address }: { label: string | null; address: string }) {
  const href = documentLink(address);
  return (
    <>
      {label && <span class="block font-semibold">{label}</span>}
      {href ? (
        <a href={href} class="break-all text-blue-700 underline">
          {address}
        </a>
      ) : (
        <span class="break-all">{address}</span>
      )}
    </>
  );
}

interface RowProps {
  link: DocumentLinkRow;
  remove: (link: DocumentLinkRow) => Promise<void>;
}

function LinkRow({ link, remove }: RowProps) {
  const i18n = useI18n();
  const t = useT();
  const { busy, problem, run } = useRowAction();
  const key = idPart(link.id);
  const named = t('facilitator.versions.pair', { earlier: link.earlierLabel ?? link.earlier, later: link.laterLabel ?? link.later });
  return (
    <tr class="border-t border-grey-3 align-top">
      <td class="p-2">
        <VersionCell label={link.earlierLabel} address={link.earlier} />
      </td>
      <td class="p-2">
        <VersionCell label={link.laterLabel} address={link.later} />
      </td>
      <td class="p-2">{formatDay(i18n, link.created)}</td>
      <td class="p-2">
        <Button
          id={`unlink-${key}`}
          size="sm"
          aria-disabled={busy || undefined}
          aria-describedby={problem ? `unlink-error-${key}` : undefined}
          onClick={() => void run(() => remove(link))}
        >
          {t('facilitator.versions.remove')}
          <span class="sr-only"> {named}</span>
        </Button>
        {problem && <ErrorText id={`unlink-error-${key}`}>{problem}</ErrorText>}
      </td>
    </tr>
  );
}

const FIELD_IDS: Record<Field, string> = {
  earlier: 'link-earlier',
  earlierLabel: 'link-earlier-label',
  later: 'link-later',
  laterLabel: 'link-later-label',
};

const EMPTY: LinkForm = { earlier: '', later: '', earlierLabel: '', laterLabel: '' };

/**
 * Document versions (facilitators): link two documents as versions of one another ("the Care
 * Act 2014 s.1 is a later version of the Care Bill clause 1"), so comments written on either
 * show on both, marked with the version they were written on; list the group's links and
 * remove one. legislation.gov.uk's own versions of a provision need no link.
 */
export function VersionsPage({ api: given, session }: FacilitatorPageProps) {
  const api = useSessionApi(given);
  const { t } = useI18n();
  const title = t('facilitator.versions.title');
  usePageTitle(title, session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const focusLater = usePendingFocus();
  const links = useLoaded(() => getChecked(api, `${base}/document-links`, DocumentLinksResponseSchema).then((r) => r.links));
  const [form, setForm] = useState<LinkForm>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [sendProblem, setSendProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkLink(form, t);
    setSendProblem(null);
    if ('problems' in checked) {
      setProblems(checked.problems);
      const first = (['earlier', 'earlierLabel', 'later', 'laterLabel'] as const).find((f) => checked.problems[f]);
      if (first) focusLater(FIELD_IDS[first]);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const { link } = await sendChecked(api, 'POST', `${base}/document-links`, checked.link, DocumentLinkResponseSchema);
      setForm(EMPTY);
      await links.reload();
      announce(t('facilitator.versions.linked', { earlier: link.earlierLabel ?? link.earlier, later: link.laterLabel ?? link.later }));
      focusLater(FIELD_IDS.earlier);
    } catch (e) {
      setSendProblem(problemOf(e, t));
      focusLater('link-submit');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (link: DocumentLinkRow) => {
    await api.send('DELETE', `${base}/document-links/${encodeURIComponent(link.id)}`);
    await links.reload();
    announce(t('facilitator.versions.removed', { earlier: link.earlierLabel ?? link.earlier, later: link.laterLabel ?? link.later }));
    focusLater('links-heading');
  };

  const field = (name: Field, label: string, help: string, inputMode: 'url' | 'text') => {
    const id = FIELD_IDS[name];
    const problem = problems[name];
    return (
      <div class="space-y-1">
        <label for={id} class="block font-semibold">
          {label}
        </label>
        <p id={`${id}-help`} class="text-sm text-grey-7">
          {help}
        </p>
        <Input
          id={id}
          type={inputMode === 'url' ? 'url' : 'text'}
          value={form[name]}
          autocomplete="off"
          maxLength={(inputMode === 'url' ? MAX_LINK_ADDRESS : MAX_LINK_LABEL) + 20}
          feedback={problem ? 'error' : undefined}
          aria-describedby={problem ? `${id}-error ${id}-help` : `${id}-help`}
          onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })}
        />
        {problem && <ErrorText id={`${id}-error`}>{problem}</ErrorText>}
      </div>
    );
  };

  const list = links.value;
  return (
    <div class="space-y-6">
      <PageHeading title={title}>{t('facilitator.versions.lead')}</PageHeading>
      {region}
      <section aria-labelledby="add-link-heading" class="space-y-2">
        <h2 id="add-link-heading" class="text-lg font-bold">
          {t('facilitator.versions.addHeading')}
        </h2>
        <p class="max-w-prose">{t('facilitator.versions.addHelp')}</p>
        <form class="max-w-prose space-y-3" noValidate onSubmit={(e) => void add(e)}>
          <fieldset class="space-y-2">
            <legend class="font-bold">{t('facilitator.versions.earlierLegend')}</legend>
            {field('earlier', t('facilitator.versions.earlierAddress'), t('facilitator.versions.earlierAddressHelp'), 'url')}
            {field('earlierLabel', t('facilitator.versions.earlierName'), t('facilitator.versions.earlierNameHelp'), 'text')}
          </fieldset>
          <fieldset class="space-y-2">
            <legend class="font-bold">{t('facilitator.versions.laterLegend')}</legend>
            {field('later', t('facilitator.versions.laterAddress'), t('facilitator.versions.laterAddressHelp'), 'url')}
            {field('laterLabel', t('facilitator.versions.laterName'), t('facilitator.versions.laterNameHelp'), 'text')}
          </fieldset>
          <Button id="link-submit" type="submit" variant="primary" aria-disabled={busy || undefined} aria-describedby={sendProblem ? 'link-send-error' : undefined}>
            {t('facilitator.versions.add')}
          </Button>
          {sendProblem && <ErrorText id="link-send-error">{sendProblem}</ErrorText>}
        </form>
      </section>
      <ListSection
        id="links-heading"
        heading={t('facilitator.versions.listHeading')}
        list={list}
        problem={links.problem}
        loadingText={t('facilitator.versions.loading')}
        onRetry={() => void links.reload()}
        emptyText={t('facilitator.versions.none')}
        caption={t('facilitator.versions.caption', { count: list?.length ?? 0 })}
        columns={(['earlier', 'later', 'linked', 'actions'] as const).map((column) => t(`facilitator.versions.column.${column}`))}
      >
        {(rows) => rows.map((link) => <LinkRow key={link.id} link={link} remove={remove} />)}
      </ListSection>
    </div>
  );
}
