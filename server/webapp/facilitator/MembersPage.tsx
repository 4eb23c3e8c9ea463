import { Button, Input } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
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
import { OFFERED_ROLES, ROLE_IN_A_SENTENCE, ROLE_NAMES, ROLE_POWERS } from './roles';
import { MembersResponseSchema, SignInLinkSchema, type Member } from './schemas';

/** A member's name as the table shows it. */
export function memberName(member: Member): string {
  return member.displayName?.trim() || 'A member with no name';
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
  const name = memberName(member);
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
      announce(`${name} is now ${ROLE_IN_A_SENTENCE[to]}.`);
      focusLater(ids.role);
    });

  const confirmRevoke = () =>
    run(async () => {
      await revoke(member);
      setConfirming(null);
      setLink(null);
      announce(`${name}’s access is revoked.`);
      focusLater(ids.state);
    });

  const createLink = () =>
    run(async () => {
      setLink(await makeLink(member));
      announce(`Sign-in link made for ${name}.`);
      focusLater(ids.link);
    });

  const copyLink = async () => {
    if (!link) return;
    announce((await copyText(link.url)) ? 'Link copied.' : 'Your browser did not let this page copy. Select the link and copy it yourself.');
  };

  const describedBy = error ? ids.error : undefined;
  return (
    <>
      <tr class="border-t border-grey-3 align-top">
        <th scope="row" class="p-2 text-left font-semibold">
          {name}
          {me && <span class="font-normal text-grey-7"> (you)</span>}
        </th>
        <td class="p-2">
          {member.revoked ? (
            ROLE_NAMES[member.role]
          ) : (
            <>
              <label for={ids.role} class="sr-only">
                Role of {name}
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
                    {ROLE_NAMES[role]}
                  </option>
                ))}
              </select>
            </>
          )}
        </td>
        <td class="p-2">{formatDay(member.joinedAt)}</td>
        <td class="p-2">{formatTime(member.lastActiveAt, member.lastActiveAt === null ? 'Not yet' : 'Not known')}</td>
        <td class="p-2">
          {member.revoked ? (
            <span id={ids.state} tabIndex={-1} class="font-semibold">
              Access revoked
            </span>
          ) : (
            <div class="flex flex-wrap gap-2">
              <Button id={ids.linkButton} size="sm" aria-describedby={describedBy} onClick={() => void createLink()}>
                Make a sign-in link<span class="sr-only"> for {name}</span>
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
                  Revoke access<span class="sr-only"> for {name}</span>
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
                  Make {name} {ROLE_IN_A_SENTENCE[confirming.to]} instead of {ROLE_IN_A_SENTENCE[member.role]}?
                </p>
                <p>
                  {ROLE_POWERS[confirming.to]} Their extension says so at its next sync; in this web app it applies to the next page they open.
                </p>
                <div class="flex flex-wrap gap-2">
                  <Button variant="primary" size="sm" aria-disabled={busy || undefined} onClick={() => void confirmRole(confirming.to)}>
                    Change role
                  </Button>
                  <Button size="sm" onClick={() => cancel(ids.role)}>
                    Keep {name} as {ROLE_IN_A_SENTENCE[member.role]}
                  </Button>
                </div>
              </div>
            )}
            {confirming?.kind === 'revoke' && (
              <div role="group" aria-labelledby={ids.question} class="space-y-2 rounded border border-red-error p-3">
                <p id={ids.question} tabIndex={-1} class="font-semibold">
                  Revoke {name}’s access to the group?
                </p>
                <p>
                  {name} will no longer be able to read, comment or reply. Their extension says “Your invite has been withdrawn” at its next
                  sync, and they are signed out of this web app. What they have written stays in the group. To let them back in later, make them a
                  new invite.
                </p>
                <div class="flex flex-wrap gap-2">
                  <Button variant="primary" size="sm" aria-disabled={busy || undefined} onClick={() => void confirmRevoke()}>
                    Revoke access
                  </Button>
                  <Button size="sm" onClick={() => cancel(ids.revoke)}>
                    Cancel
                  </Button>
                </div>
              </div>
            )}
            {link && (
              <div class="space-y-2 rounded border border-grey-4 p-3">
                <label for={ids.link} class="block font-semibold">
                  One-time sign-in link for {name}
                </label>
                <div class="flex flex-wrap gap-2">
                  <Input id={ids.link} readOnly value={link.url} classes="min-w-0 flex-1" aria-describedby={`${ids.link}-help`} />
                  <Button size="sm" onClick={() => void copyLink()}>
                    Copy link
                  </Button>
                </div>
                <p id={`${ids.link}-help`} class="text-sm">
                  Send it to {name} yourself, by email or a message. It signs them in to this web app once
                  {link.expiresAt ? `, until ${formatTime(link.expiresAt)}` : ''}. Anyone who has the link can use it, so send it only to
                  them. This page will not show it again.
                </p>
                <Button
                  size="sm"
                  onClick={() => {
                    setLink(null);
                    focusLater(ids.linkButton);
                  }}
                >
                  Done
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
  usePageTitle('Members', session);
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
      <PageHeading title="Members">
        Everyone who has joined {session.group.name}. Change someone’s role, revoke their access, or make a one-time link that signs them in
        to this web app.
      </PageHeading>
      {region}
      {!list ? (
        <LoadState problem={members.problem} loadingText="Loading the members…" onRetry={() => void members.reload()} />
      ) : (
        <>
          {members.problem && <p class="rounded border border-red-error p-2">{members.problem}</p>}
          <div class="overflow-x-auto">
            <table class="w-full border-collapse text-sm">
              <caption class="p-2 text-left font-semibold">
                Members of {session.group.name}: {current === 1 ? '1 person' : `${current} people`}
                {list.length > current ? `, and ${list.length - current} whose access was revoked` : ''}
              </caption>
              <ColumnHeads names={['Name', 'Role', 'Joined', 'Last active', 'Actions']} />
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
          <p class="text-sm text-grey-7">To add people, make an invite on the Invites page.</p>
        </>
      )}
    </div>
  );
}
