import { Marked } from 'marked';

/** The narrow part of DOMPurify we use, so callers pass an instance bound to their window. */
export interface Purifier {
  sanitize(dirty: string, config: { ALLOWED_TAGS: string[]; ALLOWED_ATTR: string[]; ALLOW_DATA_ATTR: boolean }): string;
}

const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'code', 'a', 'del'];
const ALLOWED_ATTR = ['href'];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Light Markdown only: headings, images and raw HTML are shown as the text that was typed,
// so what a person wrote is what others read (no hidden markup, no remote images).
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    heading: ({ text }) => `<p>${escapeHtml(text)}</p>`,
    image: ({ text }) => escapeHtml(text),
    link: ({ href, text }) =>
      /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text),
  },
});

/**
 * Comment text (light Markdown) to HTML that is safe to insert: Markdown first, then the
 * sanitiser with a small allow-list. HTML typed by a person appears as text.
 */
export function renderCommentHtml(text: string, purifier: Purifier): string {
  const html = markdown.parse(text) as string;
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}
