import { Button, Input, RadioButton } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../../../components/i18n';
import type { Translate } from '../../../utils/i18n/translate';
import type { Role } from '../../../utils/model/roles';
import {
  ListSection,
  ErrorText,
  copyText,
  formatDay,
  formatTime,
  getChecked,
  groupPath,
  idPart,
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
import { OFFERED_ROLES, roleFor, roleName, rolePowers } from './roles';
import { InvitesResponseSchema, NewInviteSchema, type Invite, type NewInvite } from './schemas';

/** Days an invite lasts when the facilitator does not change it. */
export const DEFAULT_EXPIRY_DAYS = 14;
/** The longest the store lets an invite last (notes/webapp-contract.md). */
export const MAX_EXPIRY_DAYS = 90;

/** The expiry field's words as a whole number of days 1–90, or the sentence saying what is wrong. */
export function readExpiryDays(text: string, t: Translate): { days: number } | { problem: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { problem: t('facilitator.invites.daysNeeded', { max: MAX_EXPIRY_DAYS }) };
  const days = Number(trimmed);
  if (days < 1 || days > MAX_EXPIRY_DAYS) return { problem: t('facilitator.invites.daysRange', { max: MAX_EXPIRY_DAYS }) };
  return { days };
}

/** An invite's state in words: what a facilitator needs to know about it now. */
export function inviteState(invite: Invite, t: Translate, now: Date = new Date()): string {
  if (invite.withdrawn) return t('facilitator.invites.state.withdrawn');
  if (invite.expiresAt && new Date(invite.expiresAt) <= now) return t('facilitator.invites.state.expired');
  if (!invite.reusable && invite.uses > 0) return t('facilitator.invites.state.used');
  return invite.usable ? t('facilitator.invites.state.usable') : t('facilitator.invites.state.unusable');
}

const usesWords = (t: Translate, n: number) => (n === 0 ? t('facilitator.invites.notUsed') : t('facilitator.invites.uses', { count: n }));

/** The code just made, shown once: copy it, and how the person uses it. */
function NewCode({ invite, origin, announce, onDone }: { invite: NewInvite & { role: Role; reusable: boolean }; origin: string; announce: (m: string) => void; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const copy = async () => {
    announce((await copyText(invite.code)) ? t('facilitator.invites.codeCopied') : t('facilitator.invites.codeCopyRefused'));
  };
  const until = invite.expiresAt ? formatDay(i18n, invite.expiresAt) : null;
  const kind = invite.reusable ? 'reusable' : 'single';
  return (
    <section aria-labelledby="new-code-heading" class="space-y-2 rounded border-2 border-grey-6 p-3">
      <h2 id="new-code-heading" tabIndex={-1} class="text-lg font-bold">
        {t('facilitator.invites.newCodeHeading')}
      </h2>
      <div class="flex flex-wrap items-center gap-2">
        <label for="new-code" class="font-semibold">
          {t('facilitator.invites.codeFor', { role: roleFor(t, invite.role) })}
        </label>
        <Input id="new-code" readOnly value={invite.code} classes="w-auto font-mono text-lg" aria-describedby="new-code-help" />
        <Button size="sm" onClick={() => void copy()}>
          {t('facilitator.invites.copyCode')}
        </Button>
      </div>
      <div id="new-code-help" class="max-w-prose space-y-1 text-sm">
        <p class="font-semibold">{t('facilitator.invites.onlyNow')}</p>
        <p>{until ? t(`facilitator.invites.sendIt.${kind}Until`, { date: until }) : t(`facilitator.invites.sendIt.${kind}`)}</p>
        <p>{t('facilitator.invites.howToJoin', { address: `${origin}/sign-in` })}</p>
      </div>
      <Button size="sm" onClick={onDone}>
        {t('facilitator.invites.hideCode')}
      </Button>
    </section>
  );
}

/**
 * Invites (facilitators): make an invite for a role, single-use or reusable, with an expiry;
 * the new code is shown once with a copy button and plain instructions; every invite is
 * listed with its role, uses, expiry and state, and can be withdrawn.
 */
export function InvitesPage({ api: given, session }: FacilitatorPageProps) {
  const api = useSessionApi(given);
  const i18n = useI18n();
  const { t } = i18n;
  const title = t('facilitator.invites.title');
  usePageTitle(title, session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const focusLater = usePendingFocus();
  const invites = useLoaded(() => getChecked(api, `${base}/invites`, InvitesResponseSchema).then((r) => r.invites));
  const [role, setRole] = useState<Role>('member');
  const [reusable, setReusable] = useState(false);
  const [days, setDays] = useState(String(DEFAULT_EXPIRY_DAYS));
  const [daysProblem, setDaysProblem] = useState<string | null>(null);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<(NewInvite & { role: Role; reusable: boolean }) | null>(null);
  const [rowProblem, setRowProblem] = useState<{ inviteId: string; text: string } | null>(null);

  const make = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const expiry = readExpiryDays(days, t);
    if ('problem' in expiry) {
      setDaysProblem(expiry.problem);
      focusLater('invite-days');
      return;
    }
    setDaysProblem(null);
    setFormProblem(null);
    setBusy(true);
    try {
      const answer = await sendChecked(api, 'POST', `${base}/invites`, { role, reusable, expiresInDays: expiry.days }, NewInviteSchema);
      setMade({ ...answer, role: answer.role ?? role, reusable: answer.reusable ?? reusable });
      announce(t(reusable ? 'facilitator.invites.made.reusable' : 'facilitator.invites.made.single', { role: roleFor(t, role) }));
      await invites.reload();
      focusLater('new-code-heading');
    } catch (e) {
      setFormProblem(problemOf(e, t));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (invite: Invite, index: number) => {
    setRowProblem(null);
    try {
      await api.send('DELETE', `${base}/invites/${encodeURIComponent(invite.inviteId)}`);
      announce(t('facilitator.invites.withdrawn'));
      const after = await invites.reload();
      const key = idPart(invite.inviteId);
      if (after?.some((i) => i.inviteId === invite.inviteId)) focusLater(`invite-state-${key}`);
      else {
        // The row went: the next invite's row, else the one before, else the list's heading.
        const next = after?.[index] ?? after?.[index - 1];
        focusLater(next ? `invite-state-${idPart(next.inviteId)}` : 'invites-heading');
      }
    } catch (e) {
      setRowProblem({ inviteId: invite.inviteId, text: problemOf(e, t) });
    }
  };

  const list = invites.value;
  const origin = typeof location === 'undefined' ? '' : location.origin;
  return (
    <div class="space-y-6">
      <PageHeading title={title}>{t('facilitator.invites.lead', { group: session.group.name })}</PageHeading>
      {region}
      <section aria-labelledby="make-heading" class="space-y-3">
        <h2 id="make-heading" class="text-lg font-bold">
          {t('facilitator.invites.makeHeading')}
        </h2>
        <form class="max-w-prose space-y-4" noValidate onSubmit={(e) => void make(e)} aria-describedby={formProblem ? 'invite-form-error' : undefined}>
          <div class="space-y-1">
            <label for="invite-role" class="block font-semibold">
              {t('facilitator.invites.role')}
            </label>
            <select
              id="invite-role"
              class="rounded border border-grey-5 bg-white p-1"
              value={role}
              aria-describedby="invite-role-help"
              onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}
            >
              {OFFERED_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(t, r)}
                </option>
              ))}
            </select>
            <p id="invite-role-help" class="text-sm text-grey-7">
              {rolePowers(t, role)}
            </p>
          </div>
          <fieldset class="space-y-1">
            <legend class="font-semibold">{t('facilitator.invites.whoCanUse')}</legend>
            <RadioButton name="invite-uses" value="single" checked={!reusable} onChange={() => setReusable(false)}>
              {t('facilitator.invites.single')}
            </RadioButton>
            <RadioButton name="invite-uses" value="reusable" checked={reusable} onChange={() => setReusable(true)}>
              {t('facilitator.invites.reusable')}
            </RadioButton>
          </fieldset>
          <div class="space-y-1">
            <label for="invite-days" class="block font-semibold">
              {t('facilitator.invites.days')}
            </label>
            <p id="invite-days-help" class="text-sm text-grey-7">
              {t('facilitator.invites.daysHelp', { max: MAX_EXPIRY_DAYS })}
            </p>
            <Input
              id="invite-days"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_EXPIRY_DAYS}
              classes="w-24"
              value={days}
              feedback={daysProblem ? 'error' : undefined}
              aria-describedby={daysProblem ? 'invite-days-error invite-days-help' : 'invite-days-help'}
              onInput={(e) => setDays((e.target as HTMLInputElement).value)}
            />
            {daysProblem && <ErrorText id="invite-days-error">{daysProblem}</ErrorText>}
          </div>
          {formProblem && <ErrorText id="invite-form-error">{formProblem}</ErrorText>}
          <Button type="submit" variant="primary" aria-disabled={busy || undefined}>
            {t('facilitator.invites.make')}
          </Button>
        </form>
      </section>
      {made && (
        <NewCode
          invite={made}
          origin={origin}
          announce={announce}
          onDone={() => {
            setMade(null);
            focusLater('invites-heading');
          }}
        />
      )}
      <ListSection
        id="invites-heading"
        heading={t('facilitator.invites.listHeading')}
        list={list}
        problem={invites.problem}
        loadingText={t('facilitator.invites.loading')}
        onRetry={() => void invites.reload()}
        emptyText={t('facilitator.invites.none')}
        caption={t('facilitator.invites.caption')}
        columns={(['role', 'kind', 'uses', 'made', 'expires', 'state', 'actions'] as const).map((column) => t(`facilitator.invites.column.${column}`))}
      >
        {(rows) =>
          rows.map((invite, index) => {
                  const key = idPart(invite.inviteId);
                  const state = inviteState(invite, t);
                  const problem = rowProblem?.inviteId === invite.inviteId ? rowProblem.text : null;
                  const described = t(invite.reusable ? 'facilitator.invites.withdrawWhich.reusable' : 'facilitator.invites.withdrawWhich.single', {
                    role: t(`facilitator.invites.roleOfInvite.${invite.role}`),
                    time: formatTime(i18n, invite.createdAt),
                  });
                  return (
                    <tr key={invite.inviteId} class="border-t border-grey-3 align-top">
                      <th scope="row" class="p-2 text-left font-semibold">
                        {roleName(t, invite.role)}
                      </th>
                      <td class="p-2">{invite.reusable ? t('facilitator.invites.kind.reusable') : t('facilitator.invites.kind.single')}</td>
                      <td class="p-2">{usesWords(t, invite.uses)}</td>
                      <td class="p-2">{formatDay(i18n, invite.createdAt)}</td>
                      <td class="p-2">{invite.expiresAt ? formatDay(i18n, invite.expiresAt) : t('facilitator.invites.never')}</td>
                      <td class="p-2">
                        <span id={`invite-state-${key}`} tabIndex={-1}>
                          {state}
                        </span>
                      </td>
                      <td class="p-2">
                        {!invite.withdrawn && (
                          <Button size="sm" aria-describedby={problem ? `invite-error-${key}` : undefined} onClick={() => void withdraw(invite, index)}>
                            {t('facilitator.invites.withdraw')}
                            <span class="sr-only"> {described}</span>
                          </Button>
                        )}
                        {problem && <ErrorText id={`invite-error-${key}`}>{problem}</ErrorText>}
                      </td>
                    </tr>
                  );
          })
        }
      </ListSection>
    </div>
  );
}
