import { useEffect, useState } from 'preact/hooks';
import type { PageSession } from '../utils/page-session/page-session';
import { PageOverlay } from './PageOverlay';

/** The in-document UI (adder, editor, cards, density strip, notices) bound to a page session. */
export function SessionOverlay({ session }: { session: PageSession }) {
  const [state, setState] = useState(session.getState());
  useEffect(() => {
    const unsubscribe = session.subscribe(() => setState(session.getState()));
    return () => void unsubscribe();
  }, [session]);
  const card = state.card ? { ...state.card, comments: session.commentsById(state.card.ids) } : null;
  return (
    <PageOverlay
      adder={state.adder}
      canWrite={state.canWrite}
      editor={state.editor}
      card={card}
      cardThreads={state.cardThreads}
      notice={state.notice}
      displayName={state.settings.displayName}
      density={state.density}
      themes={state.themes}
      onJump={(id) => void session.showCommentsOn(id)}
      onAdd={() => void session.startComment()}
      onSave={session.saveComment}
      onCancel={session.cancelComment}
      onCloseCard={session.closeCard}
      onOpenPanel={() => void session.openPanel()}
      onPointerOnCard={session.pointerOnCard}
      find={state.find ? { find: session.findOnPage, select: session.selectMatch, onClose: () => session.setFind(false) } : null}
    />
  );
}
