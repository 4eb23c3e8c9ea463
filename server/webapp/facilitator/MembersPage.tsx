import { Button, Input } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../../../components/i18n';
import type { Translate } from '../../../utils/i18n/translate';
import type { Role } from '../../../utils/model/roles';
import {
  ColumnHeads,
  useRowAction,
  ErrorText,
  formatDay,
  formatTime,
  groupPath,
  idPart,
  LoadState,
  PageHeading,
  copyText,
  getChecked,
  problemOf,
  sendChecked,
  useAnnouncer,
  useLoaded,
  usePageTitle,
  useSessionApi,
  usePendingFocus,
  type FacilitatorPageProps,
} from './page-kit';
import { OFFERED_ROLES, roleAs, roleName, rolePowers } from './roles';
import { MembersResponseSchema, SignInLinkSchema, type Member } from './schemas';

/** A member's name as the table shows it. */
export function memberName(member: Member, t: Translate): string {
  return member.displayName?.trim() || t('facilitator.members.noName');
}

type Confirming = { kind: 'role'; to: Role } | { kind: 'revoke' } | null;

interface RowProps {
  member: Member;
  me: boolean;
  changeRole: (member: Member, role: Role) => Promise<void>;
  revoke: (member: Member) => Promise<void>;
  makeLink: (member: Member) => Promise<{ url: string; expiresAt: string | null }>;
  announce: (message: string) => void;
  focusLater: (id: string) => void;
}

/**
 * One member: name, role (a labelled select: choosing another role asks to confirm), joined,
 * last active, and "Make a sign-in link" and "Revoke access" (which also asks first). The
 * confirmation and the new link open in a row under the member's row.
 */
function MemberRow({ member, me, changeRole, revoke, makeLink, announce, focusLater }: RowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const { busy, problem: error, setProblem: setError, run } = useRowAction();
  const key = idPart(member.memberId);
  const ids = {
    role: `role-${key}`,
    revoke: `revoke-${key}`,
    linkButton: `make-link-${key}`,
    question: `confirm-${key}`,
    link: `link-${key}`,
    error: `member-error-${key}`,
    state: `state-${key}`,
  };
  const name = memberName(member, t);
  const shownRole = confirming?.kind === 'role' ? confirming.to : member.role;

  const cancel = (returnTo: string) => {
    setConfirming(null);
    setError(null);
    focusLater(returnTo);
  };

  const confirmRole = (to: Role) =>
    run(async () => {
      await changeRole(member, to);
      setConfirming(null);
      announce(t('facilitator.members.roleChanged', { name, role: roleAs(t, to) }));
      focusLater(ids.role);
    });

  const confirmRevoke = () =>
    run(async () => {
      await revoke(member);
      setConfirming(null);
      setLink(null);
      announce(t('facilitator.members.revoked', { name }));
      focusLater(ids.state);
    });

  const createLink = () =>
    run(async () => {
      setLink(await makeLink(member));
      announce(t('facilitator.members.linkMade', { name }));
      focusLater(ids.link);
    });

  const copyLink = async () => {
    if (!link) return;
    announce((await copyText(link.url)) ? t('facilitator.members.linkCopied') : t('facilitator.members.linkCopyRefused'));
  };

  const describedBy = error ? ids.error : undefined;
  return (
    <>
      <tr class="border-t border-grey-3 align-top">
        <th scope="row" class="p-2 text-left font-semibold">
          {name}
          {me && <span class="font-normal text-grey-7"> {t('facilitator.members.you')}</span>}
        </th>
        <td class="p-2">
          {member.revoked ? (
            roleName(t, member.role)
          ) : (
            <>
              <label for={ids.role} class="sr-only">
                {t('facilitator.members.roleOf', { name })}
              </label>
              <select
                id={ids.role}
                class="rounded border border-grey-5 bg-white p-1"
                value={shownRole}
                aria-describedby={describedBy}
                onChange={(e) => {
                  const to = (e.target as HTMLSelectElement).value as Role;
                  setError(null);
                  setConfirming(to === member.role ? null : { kind: 'role', to });
                }}
              >
                {OFFERED_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleName(t, role)}
                  </option>
                ))}
              </select>
            </>
          )}
        </td>
        <td class="p-2">{formatDay(i18n, member.joinedAt)}</td>
        <td class="p-2">{formatTime(i18n, member.lastActiveAt, member.lastActiveAt === null ? t('facilitator.members.notYet') : t('facilitator.notKnown'))}</td>
        <td class="p-2">
          {member.revoked ? (
            <span id={ids.state} tabIndex={-1} class="font-semibold">
              {t('facilitator.members.revokedState')}
            </span>
          ) : (
            <div class="flex flex-wrap gap-2">
              <Button id={ids.linkButton} size="sm" aria-describedby={describedBy} onClick={() => void createLink()}>
                {t('facilitator.members.makeLink')}
                <span class="sr-only"> {t('facilitator.members.forName', { name })}</span>
              </Button>
              {!me && (
                <Button
                  id={ids.revoke}
                  size="sm"
                  aria-describedby={describedBy}
                  onClick={() => {
                    setError(null);
                    setConfirming({ kind: 'revoke' });
                    focusLater(ids.question);
                  }}
                >
                  {t('facilitator.members.revoke')}
                  <span class="sr-only"> {t('facilitator.members.forName', { name })}</span>
                </Button>
              )}
            </div>
          )}
        </td>
      </tr>
      {(confirming || error || link) && !member.revoked && (
        <tr>
          <td colSpan={5} class="space-y-3 p-2 pb-4">
            {error && <ErrorText id={ids.error}>{error}</ErrorText>}
            {confirming?.kind === 'role' && (
              <div role="group" aria-labelledby={ids.question} class="space-y-2 rounded border border-grey-4 p-3">
                <p id={ids.question} tabIndex={-1} class="font-semibold">
                  {t('facilitator.members.confirmRole', { name, to: roleAs(t, confirming.to), from: roleAs(t, member.role) })}
                </p>
                <p>
                  {rolePowers(t, confirming.to)} {t('facilitator.members.roleApplies')}
                </p>
                <div class="flex flex-wrap gap-2">
                  <Button variant="primary" size="sm" aria-disabled={busy || undefined} onClick={() => void confirmRole(confirming.to)}>
                    {t('facilitator.members.changeRole')}
                  </Button>
                  <Button size="sm" onClick={() => cancel(ids.role)}>
                    {t('facilitator.members.keepRole', { name, role: roleAs(t, member.role) })}
                  </Button>
                </div>
              </div>
            )}
            {confirming?.kind === 'revoke' && (
              <div role="group" aria-labelledby={ids.question} class="space-y-2 rounded border border-red-error p-3">
                <p id={ids.question} tabIndex={-1} class="font-semibold">
                  {t('facilitator.members.confirmRevoke', { name })}
                </p>
                <p>{t('facilitator.members.revokeExplained', { name })}</p>
                <div class="flex flex-wrap gap-2">
                  <Button variant="primary" size="sm" aria-disabled={busy || undefined} onClick={() => void confirmRevoke()}>
                    {t('facilitator.members.revoke')}
                  </Button>
                  <Button size="sm" onClick={() => cancel(ids.revoke)}>
                    {t('facilitator.members.cancel')}
                  </Button>
                </div>
              </div>
            )}
            {link && (
              <div class="space-y-2 rounded border border-grey-4 p-3">
                <label for={ids.link} class="block font-semibold">
                  {t('facilitator.members.linkLabel', { name })}
                </label>
                <div class="flex flex-wrap gap-2">
                  <Input id={ids.link} readOnly value={link.url} classes="min-w-0 flex-1" aria-describedby={`${ids.link}-help`} />
                  <Button size="sm" onClick={() => void copyLink()}>
                    {t('facilitator.members.copyLink')}
                  </Button>
                </div>
                <p id={`${ids.link}-help`} class="text-sm">
                  {link.expiresAt
                    ? t('facilitator.members.linkHelpUntil', { name, time: formatTime(i18n, link.expiresAt) })
                    : t('facilitator.members.linkHelp', { name })}
                </p>
                <Button
                  size="sm"
                  onClick={() => {
                    setLink(null);
                    focusLater(ids.linkButton);
                  }}
                >
                  {t('facilitator.members.done')}
                </Button>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Members (facilitators): everyone who joined the group with their role, when they joined and
 * when they were last active; change a role, revoke access, or make a one-time sign-in link.
 */
export function MembersPage({ api: given, session }: FacilitatorPageProps) {
  const api = useSessionApi(given);
  const { t } = useI18n();
  const title = t('facilitator.members.title');
  usePageTitle(title, session);
  const base = groupPath(session);
  const { announce, region } = useAnnouncer();
  const focusLater = usePendingFocus();
  const members = useLoaded(() => getChecked(api, `${base}/members`, MembersResponseSchema).then((r) => r.members));

  const changeRole = async (member: Member, role: Role) => {
    await api.send('PATCH', `${base}/members/${encodeURIComponent(member.memberId)}`, { role });
    await members.reload();
  };
  const revoke = async (member: Member) => {
    await api.send('DELETE', `${base}/members/${encodeURIComponent(member.memberId)}`);
    await members.reload();
  };
  const makeLink = async (member: Member) =>
    sendChecked(api, 'POST', `${base}/members/${encodeURIComponent(member.memberId)}/sign-in-links`, undefined, SignInLinkSchema);

  const list = members.value;
  const current = list?.filter((m) => !m.revoked).length ?? 0;
  return (
    <div class="space-y-4">
      <PageHeading title={title}>{t('facilitator.members.lead', { group: session.group.name })}</PageHeading>
      {region}
      {!list ? (
        <LoadState problem={members.problem} loadingText={t('facilitator.members.loading')} onRetry={() => void members.reload()} />
      ) : (
        <>
          {members.problem && <p class="rounded border border-red-error p-2">{members.problem}</p>}
          <div class="overflow-x-auto">
            <table class="w-full border-collapse text-sm">
              <caption class="p-2 text-left font-semibold">
                {t('facilitator.members.caption', { group: session.group.name, count: current })}
                {list.length > current ? t('facilitator.members.captionRevoked', { count: list.length - current }) : ''}
              </caption>
              <ColumnHeads
                names={[
                  t('facilitator.members.column.name'),
                  t('facilitator.members.column.role'),
                  t('facilitator.members.column.joined'),
                  t('facilitator.members.column.lastActive'),
                  t('facilitator.members.column.actions'),
                ]}
              />
              <tbody>
                {list.map((member) => (
                  <MemberRow
                    key={member.memberId}
                    member={member}
                    me={member.memberId === session.memberId}
                    changeRole={changeRole}
                    revoke={revoke}
                    makeLink={makeLink}
                    announce={announce}
                    focusLater={focusLater}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <p class="text-sm text-grey-7">{t('facilitator.members.toAdd')}</p>
        </>
      )}
    </div>
  );
}
