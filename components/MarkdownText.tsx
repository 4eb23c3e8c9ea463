import DOMPurify from 'dompurify';
import { useMemo } from 'preact/hooks';
import { renderCommentHtml, type Purifier } from '../utils/sanitize';

let purifier: Purifier | undefined;
function getPurifier(): Purifier {
  // DOMPurify binds to the window it runs in; one instance per context is enough.
  purifier ??= DOMPurify(window);
  return purifier;
}

/** A person's comment text as light Markdown, only ever inserted after sanitising. */
export function MarkdownText({ text }: { text: string }) {
  const html = useMemo(() => renderCommentHtml(text, getPurifier()), [text]);
  return <div class="lea-comment-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
