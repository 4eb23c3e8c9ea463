import DOMPurify from 'dompurify';
import { useMemo } from 'preact/hooks';
import { renderCommentHtml, type Purifier } from '../utils/sanitize';

let purifier: Purifier | undefined;
function getPurifier(): Purifier {
  // DOMPurify binds to the window it runs in; one instance per context is enough.
  purifier ??= DOMPurify(window);
  return purifier;
}

/**
 * Text that light Markdown would turn into one plain paragraph: one line, no Markdown or HTML
 * characters, no list marker, nothing GFM would make a link. Shown as a text node (nothing to
 * sanitise), which spares a long list (2,000 comments) a Markdown parse and a DOMPurify pass each.
 */
export function isPlainParagraph(text: string): boolean {
  return !/[\\`*_~[\]<>#|&\n\r]/.test(text) && !/^\s*([-+=]|\d+[.)])(\s|$)/.test(text) && !/(:\/\/|www\.|@|https?:|mailto:)/i.test(text);
}

/** A person's comment text as light Markdown, only ever inserted after sanitising. */
export function MarkdownText({ text }: { text: string }) {
  const plain = isPlainParagraph(text);
  const html = useMemo(() => (plain ? '' : renderCommentHtml(text, getPurifier())), [text, plain]);
  if (plain) {
    return (
      <div class="lea-comment-text">
        <p>{text.trim()}</p>
      </div>
    );
  }
  return <div class="lea-comment-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
