const HEADING = /^H[1-6]$/;

/**
 * The nearest heading at or before a point in the document (e.g. "1 Promoting individual
 * well-being"), so a comment can be grouped by section in lists and digests.
 */
export function findSectionHeading(root: Node, node: Node): string | undefined {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (n) => (HEADING.test((n as Element).tagName) ? 1 /* FILTER_ACCEPT */ : 3 /* FILTER_SKIP */),
  });
  let found: string | undefined;
  let current = walker.nextNode();
  while (current) {
    const position = node.compareDocumentPosition(current);
    // Stop at the first heading after the point; headings that contain the point count.
    const isBefore = (position & 2) /* PRECEDING */ !== 0 || (position & 8) /* CONTAINS */ !== 0 || current === node;
    if (!isBefore) break;
    const text = (current.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) found = text.slice(0, 500);
    current = walker.nextNode();
  }
  return found;
}
