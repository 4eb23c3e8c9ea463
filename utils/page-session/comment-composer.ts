import { callBackground } from '../messaging';
import { buildAnnotation, createAnnotationId, pdfPageSelector, wholePageQuote, type CommentDraft, type CommentTarget } from '../model';
import { checkSelection } from '../page/selection-check';
import type { CommentLoader, SendToBackground } from './comment-loader';
import type { OverlayStore } from './overlay-state';
import type { SelectionTracker } from './selection-tracker';
import type { DocumentSurface } from './surface';
import type { Translate } from '../i18n/translate';

/** Why a reader's "Add comment" does nothing: the catalogue key of the sentence they are shown. */
export const READER_CANNOT_WRITE = 'editor.session.readerCannotWrite' as const;

/** Whether starting a comment worked, and if not, the plain sentence the person was shown. */
export interface StartResult {
  started: boolean;
  reason?: string;
}

/**
 * Editor control: opens the comment editor for the selection or a whole PDF page (or says
 * plainly why not), saves through the background and closes the editor. `now` and
 * `fillRandom` make ids; they come from the page's clock and crypto.
 */
export function createCommentComposer(options: {
  doc: Document;
  send: SendToBackground;
  surface: DocumentSurface;
  store: OverlayStore;
  loader: CommentLoader;
  selection: SelectionTracker;
  now: () => Date;
  fillRandom: (bytes: Uint8Array) => void;
  /** The reader's language now (it can change while the page is open). */
  t: () => Translate;
  /** With nothing selected, open "Find words to comment on" instead of refusing (web pages). */
  openFind?: () => void;
  /** The annotator's own UI host: focus there (the find dialog) is not the page's. */
  ownHost?: () => Element | null;
}) {
  const { doc, send, surface, store, loader, selection } = options;
  const t: Translate = (key, params) => options.t()(key, params);

  function refuse(reason: string, patch: { adder?: null } = {}): StartResult {
    store.set({ notice: reason, ...patch });
    return { started: false, reason };
  }

  /** Open the editor for the current selection, or say plainly why not. */
  async function startComment(): Promise<StartResult> {
    if (store.get().editor) return { started: true };
    if (!loader.canWrite()) return refuse(t(READER_CANNOT_WRITE), { adder: null });
    const selected = selection.current();
    if (!selected && options.openFind && !store.get().find) {
      options.openFind();
      return { started: false, reason: t('editor.find.title') };
    }
    const container = selected ? selected.range.commonAncestorContainer : null;
    const verdict = checkSelection({
      text: selected?.text ?? '',
      activeElement: doc.activeElement && options.ownHost?.()?.contains(doc.activeElement) ? null : doc.activeElement,
      container: container ? (container.nodeType === 1 ? (container as Element) : container.parentElement) : null,
    }, t);
    if (!verdict.ok || !selected) return refuse(verdict.ok ? t('editor.session.selectFirst') : verdict.reason, { adder: null });
    const id = surface.identity();
    if (!id) return refuse(t('editor.session.pageCannot'));
    if (!surface.root().contains(selected.range.commonAncestorContainer)) return refuse(t('editor.session.selectInDocument'), { adder: null });
    const described = await surface.describe(selected.range);
    if ('problem' in described) return refuse(described.problem, { adder: null });
    if (store.get().editor) return { started: true };
    openEditor(described.selectors[0].exact, {
      source: id.uri,
      selectors: described.selectors,
      ...(described.section ? { section: described.section } : {}),
      ...(described.scope ? { scope: described.scope } : {}),
      documentTitle: id.title || undefined,
    });
    return { started: true };
  }

  /** Open the editor for a comment on a whole PDF page (pages that are pictures have no words to select). */
  function startWholePageComment(page: number): StartResult {
    if (store.get().editor) return { started: true };
    const id = surface.identity();
    if (!loader.canWrite()) return refuse(t(READER_CANNOT_WRITE));
    if (!id) return refuse(t('editor.session.documentCannot'));
    openEditor(wholePageQuote(page), {
      source: id.uri,
      selectors: [pdfPageSelector(page)],
      documentTitle: id.title || undefined,
      ...(surface.scope ? { scope: surface.scope } : {}),
    });
    return { started: true };
  }

  /** Show the editor for `target`, the draft starting from the person's default choices. */
  function openEditor(quote: string, target: CommentTarget) {
    const { settings } = store.get();
    store.set({
      adder: null,
      card: null,
      find: false,
      notice: '',
      editor: {
        quote,
        target,
        draft: {
          text: '',
          themes: [],
          perspective: settings.defaultPerspective,
          attribution: settings.defaultAttribution,
          visibility: settings.defaultVisibility,
          kind: 'comment',
        },
      },
    });
  }

  /** Store the comment; resolves only after the background confirms it is in IndexedDB. */
  async function saveComment(draft: CommentDraft): Promise<void> {
    const state = store.get();
    const editor = state.editor;
    if (!editor) return;
    const now = options.now();
    const built = buildAnnotation({
      id: createAnnotationId(now.getTime(), options.fillRandom),
      now,
      draft,
      target: editor.target,
      authorName: state.settings.displayName,
      say: (ref) => t(ref.key, ref.params),
    });
    if (!built.ok) throw new Error(built.problems.join(' '));
    await callBackground(send, { type: 'annotations/save', annotation: built.value });
    store.set({ editor: null, notice: t('editor.session.saved') });
    doc.getSelection()?.removeAllRanges();
    await loader.reload();
  }

  /** Close the editor without saving, and say so. */
  function cancelComment() {
    store.set({ editor: null, notice: t('editor.session.notSaved') });
  }

  return { startComment, startWholePageComment, saveComment, cancelComment };
}

/** A session's editor control. */
export type CommentComposer = ReturnType<typeof createCommentComposer>;
