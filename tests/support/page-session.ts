import type { Role } from '../../utils/model';
import { DEFAULT_SETTINGS, type LeaAnnotation, type Theme } from '../../utils/model';
import { createDomSurface } from '../../utils/page-session/dom-surface';
import { createPageSession } from '../../utils/page-session/page-session';

/** The page the session tests run on: two paragraphs of the Care Act. */
export const TEST_PAGE_HTML =
  '<h2>1 Promoting individual well-being</h2><p>The general duty of a local authority is to promote that individual’s well-being.</p><p>(a) personal dignity (including treatment of the individual with respect);</p>';

/**
 * A page session on happy-dom's document with a stand-in background that answers the
 * listing with `annotations` and the person's `role`, and records saved comments.
 */
export async function startTestSession(options: { role: Role | null; annotations?: LeaAnnotation[]; themes?: Theme[] }) {
  document.body.innerHTML = TEST_PAGE_HTML;
  const uri = 'https://www.legislation.gov.uk/ukpga/2014/23/section/1/enacted';
  const saved: LeaAnnotation[] = [];
  const controller = new AbortController();
  const send = async (message: { type: string; annotation?: unknown }) => {
    if (message.type === 'annotations/list') {
      const annotations = [...(options.annotations ?? []), ...saved];
      return { ok: true, value: { annotations, authors: {}, role: options.role, damaged: [], hidden: {}, ...(options.themes ? { themes: options.themes } : {}) } };
    }
    if (message.type === 'settings/get') return { ok: true, value: DEFAULT_SETTINGS };
    if (message.type === 'annotations/save') {
      saved.push(message.annotation as LeaAnnotation);
      return { ok: true, value: { annotation: message.annotation } };
    }
    return { ok: false, error: `unexpected ${message.type}` };
  };
  let host: Element | null = null;
  const session = createPageSession({
    doc: document,
    win: window,
    send,
    ownHost: () => host,
    signal: controller.signal,
    surface: { ...createDomSurface(document, window), identity: () => ({ uri, aliases: [uri], title: 'Care Act 2014, section 1' }) },
  });
  await session.reload();
  return {
    session,
    saved,
    /** Mark `element` as the annotator's own UI host (the overlay renders there). */
    setHost: (element: Element) => void (host = element),
    stop: () => controller.abort(),
  };
}

/** Select `text` in the page as a mouse would, then let the selection settle (mouseup). */
export async function selectText(text: string): Promise<void> {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true, clientX: 1, clientY: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    return;
  }
  throw new Error(`"${text}" is not on the test page`);
}
