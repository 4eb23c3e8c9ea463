import { Button } from '@hypothesis/frontend-shared';
import type { SyncOverview } from '../utils/messaging';
import { commentText } from '../utils/model';

export interface SyncStatusProps {
  overview: SyncOverview;
  onRetry: () => void;
  onResolve: (id: string, choice: 'mine' | 'theirs') => void;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Sync state in words ("All saved", "3 comments waiting to send (offline)"…), each comment the
 * store refused (which one, and why), and, when the same comment was changed in two places,
 * both versions with a plain choice. Nothing is lost.
 */
export function SyncStatus({ overview, onRetry, onResolve }: SyncStatusProps) {
  return (
    <section aria-label="Sharing with your group" class="space-y-2 rounded border border-grey-4 bg-grey-1 p-2">
      <p>
        <span class="font-semibold">Group: </span>
        {overview.sentence}
        {overview.needsAttention && overview.connection && (
          <>
            {' '}
            <Button size="sm" onClick={onRetry}>
              Try again now
            </Button>
          </>
        )}
      </p>
      {overview.refused.length > 0 && (
        <ul class="space-y-1" aria-label="Comments not sent to the group">
          {overview.refused.map((refused) => (
            <li key={refused.id} class="rounded border border-grey-5 bg-white p-2">
              {refused.quote !== null ? (
                <>
                  <span class="font-semibold">Your comment on “{shorten(refused.quote, 80)}”</span>
                  {refused.text && <>: {shorten(refused.text, 120)}</>}
                </>
              ) : (
                <span class="font-semibold">A deleted comment (id {refused.id.replace(/^urn:uuid:/, '')})</span>
              )}
              <br />
              <span class="text-grey-7">
                {refused.damaged ? 'Damaged on this computer' : 'Refused by the group store'}: {refused.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      {overview.conflicts.map((conflict) => (
        <div key={conflict.id} class="space-y-1 rounded border border-grey-5 bg-white p-2" role="group" aria-label="A comment with two versions">
          <p class="font-semibold">This comment was changed in two places. Which version should be kept?</p>
          <p>
            <span class="font-semibold">Your version: </span>
            {conflict.mine ? commentText(conflict.mine) : '(you deleted it)'}
          </p>
          <p>
            <span class="font-semibold">The group’s version: </span>
            {conflict.theirs ? commentText(conflict.theirs) : '(deleted in the group)'}
          </p>
          <div class="flex gap-2">
            <Button size="sm" variant="primary" onClick={() => onResolve(conflict.id, 'mine')}>
              Keep my version
            </Button>
            <Button size="sm" onClick={() => onResolve(conflict.id, 'theirs')}>
              Use the group’s version
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
