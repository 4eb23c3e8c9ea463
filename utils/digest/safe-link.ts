/**
 * The one rule every digest format links by: only http(s) addresses become links, and the
 * address written into a link can mean nothing but that address in HTML, Markdown or Word.
 */

/**
 * Characters that must not appear raw in a written link: white space and controls, what ends
 * or escapes a Markdown destination or an HTML attribute (`< > " ' \` and the backtick), and
 * invisible or direction-changing characters (zero-width, bidi overrides, odd spaces).
 */
const UNSAFE_IN_LINK = /[\s\x00-\x1f\x7f-\x9f<>"'`\\\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u;
const UNSAFE_IN_LINK_ALL = new RegExp(UNSAFE_IN_LINK.source, 'gu');
/** `&name;` or `&#123;`: a renderer would decode it (CommonMark does, marked does not). */
const ENTITY_LIKE = /&(#?[A-Za-z0-9]+);/;
const ENTITY_LIKE_ALL = new RegExp(ENTITY_LIKE.source, 'g');
/** A UTF-16 surrogate without its pair: no valid text in Word's XML. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One character as UTF-8 percent-escapes (encodeURIComponent leaves `'` alone). */
const percentEncode = (c: string) => {
  const encoded = encodeURIComponent(c);
  return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
};

/**
 * The address as a link target when it is a web address, else `null`: http or https (checked
 * on the WHATWG URL parse, as a browser reads it), the text kept as written when nothing in it
 * needs encoding, otherwise the parsed form with the characters above percent-encoded.
 */
export function webHref(address: string): string | null {
  const text = address.trim();
  if (!/^https?:/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  if (/^https?:\/\//i.test(text) && !UNSAFE_IN_LINK.test(text) && !ENTITY_LIKE.test(text) && !LONE_SURROGATE.test(text)) return text;
  // The host is fixed by the parse; encoding only touches path, query, fragment and user info.
  return url.href.replace(UNSAFE_IN_LINK_ALL, percentEncode).replace(ENTITY_LIKE_ALL, '&$1%3B');
}

/** Whether an address would be linked at all (http or https that parses). */
export function isWebAddress(address: string): boolean {
  return webHref(address) !== null;
}
