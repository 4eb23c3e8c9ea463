import { Button, Input, RadioButton } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import type { Role } from '../../../utils/model/roles';
import {
  ColumnHeads,
  ErrorText,
  copyText,
  formatDay,
  formatTime,
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
import { OFFERED_ROLES, ROLE_IN_A_SENTENCE, ROLE_NAMES, ROLE_POWERS } from './roles';
import { InvitesResponseSchema, NewInviteSchema, type Invite, type NewInvite } from './schemas';

/** Days an invite lasts when the facilitator does not change it. */
export const DEFAULT_EXPIRY_DAYS = 14;
/** The longest the store lets an invite last (notes/webapp-contract.md). */
export const MAX_EXPIRY_DAYS = 90;

/** The expiry field's words as a whole number of days 1–90, or the sentence saying what is wrong. */
export function readExpiryDays(text: string): { days: number } | { problem: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { problem: `Enter the number of days the invite lasts, from 1 to ${MAX_EXPIRY_DAYS}.` };
  const days = Number(trimmed);
  if (days < 1 || days > MAX_EXPIRY_DAYS) return { problem: `An invite can last from 1 to ${MAX_EXPIRY_DAYS} days.` };
  return { days };
}

/** An invite's state in words: what a facilitator needs to know about it now. */
export function inviteState(invite: Invite, now: Date = new Date()): string {
  if (invite.withdrawn) return 'Withdrawn';
  if (invite.expiresAt && new Date(invite.expiresAt) <= now) return 'Expired';
  if (!invite.reusable && invite.uses > 0) return 'Used';
  return invite.usable ? 'Can be used' : 'Cannot be used';
}

const usesWords = (n: number) => (n === 0 ? 'Not used yet' : n === 1 ? 'Used once' : `Used ${n} times`);

/** The code just made, shown once: copy it, and how the person uses it. */
function NewCode({ invite, origin, announce, onDone }: { invite: NewInvite & { role: Role; reusable: boolean }; origin: string; announce: (m: string) => void; onDone: () => void }) {
  const copy = async () => {
    announce((await copyText(invite.code)) ? 'Code copied.' : 'Your browser did not let this page copy. Select the code and copy it yourself.');
  };
  return (
    <section aria-labelledby="new-code-heading" class="space-y-2 rounded border-2 border-grey-6 p-3">
      <h2 id="new-code-heading" tabIndex={-1} class="text-lg font-bold">
        Your new invite code
      </h2>
      <div class="flex flex-wrap items-center gap-2">
        <label for="new-code" class="font-semibold">
          Invite code for {ROLE_IN_A_SENTENCE[invite.role]}
        </label>
        <Input id="new-code" readOnly value={invite.code} classes="w-auto font-mono text-lg" aria-describedby="new-code-help" />
        <Button size="sm" onClick={() => void copy()}>
          Copy code
        </Button>
      </div>
      <div id="new-code-help" class="max-w-prose space-y-1 text-sm">
        <p class="font-semibold">This page shows the code only now. Copy it before you leave the page.</p>
        <p>
          Send it to the person you are inviting, by email or a message.{' '}
          {invite.reusable ? 'Several people can join with it' : 'One person can join with it, once'}
          {invite.expiresAt ? `, until ${formatDay(invite.expiresAt)}` : ''}.
        </p>
        <p>
          They join in one of two ways: in the Lived Experience Annotator extension, on its options page, under “Invite code”; or without
          installing anything, on this web app’s sign-in page ({origin}/sign-in), under “Invite code”.
        </p>
      </div>
      <Button size="sm" onClick={onDone}>
        Done: hide the code
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
  usePageTitle('Invites', session);
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
    const expiry = readExpiryDays(days);
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
      announce(`Invite made: a ${reusable ? 'reusable' : 'single-use'} invite for ${ROLE_IN_A_SENTENCE[role]}.`);
      await invites.reload();
      focusLater('new-code-heading');
    } catch (e) {
      setFormProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (invite: Invite, index: number) => {
    setRowProblem(null);
    try {
      await api.send('DELETE', `${base}/invites/${encodeURIComponent(invite.inviteId)}`);
      announce(`Invite withdrawn. Nobody else can join with it; people who already joined stay.`);
      const after = await invites.reload();
      const key = idPart(invite.inviteId);
      if (after?.some((i) => i.inviteId === invite.inviteId)) focusLater(`invite-state-${key}`);
      else {
        // The row went: the next invite's row, else the one before, else the list's heading.
        const next = after?.[index] ?? after?.[index - 1];
        focusLater(next ? `invite-state-${idPart(next.inviteId)}` : 'invites-heading');
      }
    } catch (e) {
      setRowProblem({ inviteId: invite.inviteId, text: problemOf(e) });
    }
  };

  const list = invites.value;
  const origin = typeof location === 'undefined' ? '' : location.origin;
  return (
    <div class="space-y-6">
      <PageHeading title="Invites">
        An invite code lets someone join {session.group.name} with a role. Make one for each person (single-use) or one for a meeting
        (reusable), and withdraw it when it is no longer needed.
      </PageHeading>
      {region}
      <section aria-labelledby="make-heading" class="space-y-3">
        <h2 id="make-heading" class="text-lg font-bold">
          Make an invite
        </h2>
        <form class="max-w-prose space-y-4" noValidate onSubmit={(e) => void make(e)} aria-describedby={formProblem ? 'invite-form-error' : undefined}>
          <div class="space-y-1">
            <label for="invite-role" class="block font-semibold">
              Role
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
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
            <p id="invite-role-help" class="text-sm text-grey-7">
              {ROLE_POWERS[role]}
            </p>
          </div>
          <fieldset class="space-y-1">
            <legend class="font-semibold">Who can use it</legend>
            <RadioButton name="invite-uses" value="single" checked={!reusable} onChange={() => setReusable(false)}>
              One person, once (single-use)
            </RadioButton>
            <RadioButton name="invite-uses" value="reusable" checked={reusable} onChange={() => setReusable(true)}>
              Several people (reusable), until it expires or you withdraw it
            </RadioButton>
          </fieldset>
          <div class="space-y-1">
            <label for="invite-days" class="block font-semibold">
              Days until it expires
            </label>
            <p id="invite-days-help" class="text-sm text-grey-7">
              From 1 to {MAX_EXPIRY_DAYS} days.
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
            Make invite
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
      <section aria-labelledby="invites-heading" class="space-y-2">
        <h2 id="invites-heading" tabIndex={-1} class="text-lg font-bold">
          The group’s invites
        </h2>
        {!list ? (
          <LoadState problem={invites.problem} loadingText="Loading the invites…" onRetry={() => void invites.reload()} />
        ) : list.length === 0 ? (
          <p>There are no invites yet.</p>
        ) : (
          <div class="overflow-x-auto">
            <table class="w-full border-collapse text-sm">
              <caption class="p-2 text-left">Every invite made for the group, newest first. Codes are never shown again after they are made.</caption>
              <ColumnHeads names={['Role', 'Kind', 'Uses', 'Made', 'Expires', 'State', 'Actions']} />
              <tbody>
                {list.map((invite, index) => {
                  const key = idPart(invite.inviteId);
                  const state = inviteState(invite);
                  const problem = rowProblem?.inviteId === invite.inviteId ? rowProblem.text : null;
                  const described = `${invite.reusable ? 'reusable' : 'single-use'} ${ROLE_NAMES[invite.role].toLowerCase()} invite made ${formatTime(invite.createdAt)}`;
                  return (
                    <tr key={invite.inviteId} class="border-t border-grey-3 align-top">
                      <th scope="row" class="p-2 text-left font-semibold">
                        {ROLE_NAMES[invite.role]}
                      </th>
                      <td class="p-2">{invite.reusable ? 'Reusable' : 'Single-use'}</td>
                      <td class="p-2">{usesWords(invite.uses)}</td>
                      <td class="p-2">{formatDay(invite.createdAt)}</td>
                      <td class="p-2">{invite.expiresAt ? formatDay(invite.expiresAt) : 'Never'}</td>
                      <td class="p-2">
                        <span id={`invite-state-${key}`} tabIndex={-1}>
                          {state}
                        </span>
                      </td>
                      <td class="p-2">
                        {!invite.withdrawn && (
                          <Button size="sm" aria-describedby={problem ? `invite-error-${key}` : undefined} onClick={() => void withdraw(invite, index)}>
                            Withdraw<span class="sr-only"> the {described}</span>
                          </Button>
                        )}
                        {problem && <ErrorText id={`invite-error-${key}`}>{problem}</ErrorText>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
