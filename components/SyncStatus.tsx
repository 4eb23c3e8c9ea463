import { Button } from '@hypothesis/frontend-shared';
import type { SyncOverview } from '../utils/messaging';
import { commentText } from '../utils/model';

export interface SyncStatusProps {
  overview: SyncOverview;
  onRetry: () => void;
  onResolve: (id: string, choice: 'mine' | 'theirs') => void;
}

/**
 * Sync state in words ("All saved", "3 comments waiting to send (offline)"…) and, when the
 * same comment was changed in two places, both versions with a plain choice. Neither is lost.
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
