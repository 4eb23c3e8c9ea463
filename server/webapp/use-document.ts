import { useCallback, useMemo, useState } from 'preact/hooks';
import type { LeaItem } from '../../utils/model';
import { modelWithChanges, type DocumentModel, type ThreadData } from './read';

/** A document read as threads, plus what the person sent from this page since it was read. */
export function useDocumentModel(read: ThreadData | null): { model: DocumentModel | null; onSent: (item: LeaItem | null, removed?: string) => void } {
  const [sent, setSent] = useState<LeaItem[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const model = useMemo(() => (read ? modelWithChanges(read, sent, removed) : null), [read, sent, removed]);
  // Stable, so the list's memoised items do not re-render when the page does.
  const onSent = useCallback((item: LeaItem | null, gone?: string) => {
    if (item) setSent((list) => [...list, item]);
    // An item sent again (a reply put back with Undo) is no longer removed.
    if (item || gone) {
      setRemoved((set) => {
        const next = new Set(set);
        if (item) next.delete(item.id);
        if (gone) next.add(gone);
        return next;
      });
    }
  }, []);
  return { model, onSent };
}
