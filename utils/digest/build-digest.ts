import { buildThreads, sortBySupport, threadLines, type CommentThread, type ReplyNode } from '../conversation/build-thread';
import { commentText, kindOf, passageOf, quoteOf, themesOf, type LeaAnnotation } from '../model/annotation';
import { ANSWER_STATUSES, answerStatusOf, isComment, replyText, type LeaItem, type LeaReply } from '../model/conversation';
import { PERSPECTIVES } from '../model/vocabulary';
import { DEFAULT_THEMES, themeIdForTag, themeLabel, type Theme } from '../model/themes';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { translator, type Translate, type Translator } from '../i18n/translate';
import { answerStatusName, kindLabel, perspectiveLabel, themeName } from '../i18n/vocabulary-labels';
import { createVersionGroups, type VersionGroups } from './version-groups';
import { filterComments, NO_FILTERS, showsEverything, type CommentFilters } from '../overlay/filters';
import type {
  Digest,
  DigestAnswer,
  DigestAnswerRow,
  DigestComment,
  DigestPlace,
  DigestReply,
  DigestCount,
  DigestDocument,
  DigestFilters,
  DigestInput,
  DigestPassage,
  DigestSection,
  DigestSectionCount,
} from './types';

const ENGLISH = translator(DEFAULT_LOCALE);
/** Where comments made away from any heading go (after the named sections); English, see `digest.section.other`. */
export const OTHER_PASSAGES = ENGLISH.t('digest.section.other');
/** The author shown for every comment whose writer did not choose to be named (English; the digest shows `digest.anonymous`). */
export const ANONYMOUS = ENGLISH.t('digest.anonymous');
/** The theme row for comments tagged with no theme (English; `digest.theme.none`). */
export const NO_THEME = ENGLISH.t('digest.theme.none');
/** The key comments with no theme are counted under (no theme id or tag can be empty). */
const NO_THEME_KEY = '';
/** The total row of the answers table (each comment counted once). */
export const ALL_COMMENTS = ENGLISH.t('digest.answers.all');
/** Where a flattened reply answers a reply that was hidden (English; `digest.reply.hiddenParent`). */
export const HIDDEN_PARENT = ENGLISH.t('digest.reply.hiddenParent');

/**
 * The name people read for a comment: the writer's only when they chose "Show my name" and
 * a name was recorded. An anonymous comment that still carries `creator` (an unredacted copy)
 * shows "Anonymous" all the same.
 */
export function authorOf(annotation: LeaAnnotation): string {
  return annotation.attribution === 'named' && annotation.creator?.name ? annotation.creator.name : ANONYMOUS;
}

/** The annotation as it may leave the building: no `creator` unless the writer is named. */
export function redactForExport(annotation: LeaAnnotation): LeaAnnotation {
  if (authorOf(annotation) !== ANONYMOUS || !('creator' in annotation)) return annotation;
  const { creator: _dropped, ...rest } = annotation;
  return rest;
}

/** The 1-based PDF page recorded on a comment, if any. */
export function pageOf(annotation: LeaAnnotation): number | undefined {
  return passageOf(annotation).page;
}

/** The section heading a comment belongs under: its recorded heading, its PDF page, or "Other passages" (in `t`'s language). */
export function sectionOf(annotation: LeaAnnotation, t: Translate = ENGLISH.t): string {
  const section = annotation.section?.trim();
  if (section) return section;
  const page = pageOf(annotation);
  return page ? t('digest.section.page', { page }) : t('digest.section.other');
}

/**
 * How a reply's writer is shown (utils/model replyAuthorLine, in the reader's language): the
 * comment's author, "A group member" for an anonymous reply, else the name and job title.
 */
export function replyAuthor(reply: LeaReply, t: Translate = ENGLISH.t): string {
  if (reply.byCommentAuthor) return t('digest.reply.byCommentAuthor');
  if (!reply.creator || reply.attribution === 'anonymous') return t('digest.reply.groupMember');
  const role = [reply.creator.jobTitle, reply.creator.organisation].filter(Boolean).join(', ');
  return role ? `${reply.creator.name} (${role})` : reply.creator.name;
}

function matchesFilters(annotation: LeaAnnotation, filters: DigestFilters, vocabulary: readonly Theme[], versions: VersionGroups | null): boolean {
  if (filters.document && annotation.target.source !== filters.document && annotation.target.scope !== filters.document) {
    // With versions together, a document's digest is its versions' too.
    if (!versions || versions.keyOf(annotation.target.source) !== versions.keyOf(filters.document)) return false;
  }
  if (filters.theme) {
    // A theme id, or a label (the group's or a Making It Real one; any case), or another tool's tag.
    const id = themeIdForTag(vocabulary, filters.theme);
    const wanted = filters.theme.trim().toLocaleLowerCase('en-GB');
    if (!themesOf(annotation).some((t) => t === id || t.toLocaleLowerCase('en-GB') === wanted)) return false;
  }
  return true;
}

/**
 * The annotation as other tools read it: each theme tag the group's label (ids mean nothing
 * outside the group), other tools' tags unchanged.
 */
export function withThemeLabels(annotation: LeaAnnotation, vocabulary: readonly Theme[] = DEFAULT_THEMES): LeaAnnotation {
  const [comment, ...tags] = annotation.body;
  if (tags.length === 0) return annotation;
  const labelled = tags.map((b) => ({ ...b, value: themeLabel(vocabulary, b.value) }));
  if (labelled.every((b, i) => b.value === tags[i]!.value)) return annotation;
  return { ...annotation, body: [comment, ...labelled] };
}

/**
 * A reply as it may leave the building: no `creator` unless its writer is shown by name (an
 * anonymous reply, or the anonymous comment's author replying, carries none).
 */
export function redactReply(reply: LeaReply): LeaReply {
  if ((reply.attribution === 'named' && !reply.byCommentAuthor) || !('creator' in reply)) return reply;
  const { creator: _dropped, ...rest } = reply;
  return rest;
}

function toReplies(thread: CommentThread | undefined, t: Translate): DigestReply[] {
  if (!thread || thread.replies.length === 0) return [];
  return threadLines(thread).map(({ node, level, inReplyTo }) => {
    const reply = node.reply;
    const parent = inReplyTo ? (inReplyTo.reply ? replyAuthor(inReplyTo.reply, t) : t('digest.reply.hiddenParent')) : null;
    if (!reply) return { id: node.id, level, hidden: true, author: '', text: t('digest.reply.hidden'), answer: null, created: node.created, inReplyTo: parent, annotation: null };
    const status = answerStatusOf(reply);
    return {
      id: reply.id,
      level,
      hidden: false,
      author: replyAuthor(reply, t),
      text: replyText(reply),
      answer: status ? { status, label: answerStatusName(t, status) } : null,
      created: reply.created,
      inReplyTo: parent,
      annotation: redactReply(reply),
    };
  });
}

function latestAnswerOf(thread: CommentThread | undefined, t: Translate): DigestAnswer | null {
  const latest = thread?.latestAnswer;
  if (!latest) return null;
  const reply = latest.reply;
  return { status: latest.status, label: answerStatusName(t, latest.status), replyId: reply.id, text: replyText(reply), author: replyAuthor(reply, t), created: reply.created };
}

/** Replies under these nodes that are shown (hidden ones not counted), at any depth. */
function liveReplies(nodes: readonly ReplyNode[]): number {
  let n = 0;
  for (const node of nodes) n += (node.reply ? 1 : 0) + liveReplies(node.children);
  return n;
}

function toComment(annotation: LeaAnnotation, vocabulary: readonly Theme[], i18n: Translator, thread?: CommentThread): DigestComment {
  const { t } = i18n;
  const named = authorOf(annotation);
  const anonymous = named === ANONYMOUS;
  const kind = kindOf(annotation);
  const replies = toReplies(thread, t);
  const themeIds = themesOf(annotation);
  return {
    id: annotation.id,
    text: commentText(annotation),
    kind,
    kindLabel: kindLabel(t, kind),
    themes: themeIds.map((id) => themeName(i18n, vocabulary, id)),
    themeIds,
    perspective: annotation.perspective,
    perspectiveLabel: perspectiveLabel(t, annotation.perspective),
    author: anonymous ? t('digest.anonymous') : named,
    anonymous,
    created: annotation.created,
    private: annotation.visibility === 'private',
    annotation: withThemeLabels(redactForExport(annotation), vocabulary),
    replies,
    replyCount: replies.filter((r) => !r.hidden).length,
    writtenOn: null,
    supportCount: thread?.supportCount ?? 0,
    latestAnswer: latestAnswerOf(thread, t),
  };
}

interface SectionDraft {
  title: string;
  firstStart: number;
  passages: Map<string, DigestPassage>;
}

interface DocumentDraft {
  url: string;
  title: string | undefined;
  order: number;
  sections: Map<string, SectionDraft>;
  /** With versions together: each comment's version, said once the document is known to have several. */
  versions?: Map<DigestComment, { source: string; title: string | undefined }>;
}

const byCreated = (a: DigestComment, b: DigestComment) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1);
const byPosition = (a: DigestPassage, b: DigestPassage) => (a.page ?? 0) - (b.page ?? 0) || a.start - b.start || a.end - b.end || (a.quote < b.quote ? -1 : 1);

function finishDocument(draft: DocumentDraft, other: string, versions: VersionGroups | null): DigestDocument {
  const written = draft.versions;
  if (versions && written && new Set([...written.values()].map((v) => v.source)).size > 1) {
    for (const [comment, { source, title }] of written) comment.writtenOn = versions.writtenOn(source, title);
  }
  const sections: DigestSection[] = [...draft.sections.values()]
    // Sections in reading order; "Other passages" last.
    .sort((a, b) => Number(a.title === other) - Number(b.title === other) || a.firstStart - b.firstStart)
    .map((s) => {
      const passages = [...s.passages.values()].sort(byPosition);
      for (const p of passages) p.comments.sort(byCreated);
      return { title: s.title, passages, commentCount: passages.reduce((n, p) => n + p.comments.length, 0) };
    });
  return {
    url: draft.url,
    title: draft.title ?? draft.url,
    sections,
    commentCount: sections.reduce((n, s) => n + s.commentCount, 0),
  };
}

/** Where a theme id sorts among equal counts: the group's display order, then the defaults', then the rest. */
function themeRank(vocabulary: readonly Theme[], id: string): number {
  const own = vocabulary.findIndex((t) => t.id === id);
  if (own >= 0) return own;
  const i = DEFAULT_THEMES.findIndex((t) => t.id === id);
  return i === -1 ? vocabulary.length + DEFAULT_THEMES.length : vocabulary.length + i;
}

function countsOf(counts: Map<string, number>, rank: (label: string) => number, compare: (a: string, b: string) => number, shown: (key: string) => string = (key) => key): DigestCount[] {
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || rank(a.label) - rank(b.label) || compare(shown(a.label), shown(b.label)));
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Build the digest every format renders: documents → sections → quoted passages → comments,
 * with counts by theme, section and perspective. Hidden comments are counted, never shown;
 * "only me" comments appear only in a personal digest; anonymous ones carry no name.
 */
export function buildDigest(input: DigestInput): Digest {
  const vocabulary = input.themes ?? DEFAULT_THEMES;
  const i18n = input.i18n ?? ENGLISH;
  const { t } = i18n;
  const other = t('digest.section.other');
  const noTheme = t('digest.theme.none');
  const themeShown = (id: string) => themeName(i18n, vocabulary, id);
  const asked = input.filters ?? {};
  const filters: DigestFilters = {
    ...(asked.document ? { document: asked.document } : {}),
    ...(asked.theme?.trim() ? { theme: asked.theme.trim() } : {}),
    ...(asked.perspective ? { perspective: asked.perspective } : {}),
    ...(asked.kind ? { kind: asked.kind } : {}),
    ...(asked.author ? { author: asked.author } : {}),
    ...(asked.from ? { from: asked.from } : {}),
    ...(asked.to ? { to: asked.to } : {}),
    ...(asked.answer ? { answer: asked.answer } : {}),
    ...(asked.minPerPassage && asked.minPerPassage > 1 ? { minPerPassage: asked.minPerPassage } : {}),
  };
  // The side panel's filters, applied by its own rule (utils/overlay/filters.ts).
  const panelFilters: CommentFilters = {
    ...NO_FILTERS,
    perspective: filters.perspective ?? '',
    kind: filters.kind ?? '',
    author: filters.author ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    answer: filters.answer ?? '',
    minPerPassage: filters.minPerPassage ?? 1,
  };
  const versions = input.versions ? createVersionGroups(input.versions.links, i18n) : null;
  const documents = new Map<string, DocumentDraft>();
  (input.documents ?? []).forEach((d, i) => documents.set(versions ? versions.keyOf(d.url) : d.url, { url: d.url, title: d.title, order: i, sections: new Map() }));
  const known = documents.size;
  let hiddenCount = 0;
  // Only comments are comments: a caller that hands over every synced item (replies and
  // supports too) gets the same digest as one that passes them as `conversation`.
  const given = input.annotations.filter((e) => isComment(e.annotation as LeaItem));
  const passedAsComments = input.annotations.length === given.length ? [] : input.annotations.filter((e) => !isComment(e.annotation as LeaItem)).map((e) => e.annotation as LeaItem);
  const conversation = input.conversation !== undefined || input.hiddenReplies !== undefined || input.supportCounts !== undefined || passedAsComments.length > 0;
  // Every comment given (hidden, private and filtered-out ones too) roots its thread, so only
  // replies to comments nobody has any more count as "replies to a removed comment".
  const threads: Map<string, CommentThread> = conversation
    ? buildThreads([...given.map((e) => e.annotation), ...passedAsComments, ...(input.conversation ?? [])], { hidden: input.hiddenReplies ?? [], ...(input.supportCounts ? { supportCounts: input.supportCounts } : {}) })
    : new Map();

  const kept: { annotation: LeaAnnotation }[] = [];
  for (const entry of given) {
    const annotation = entry.annotation;
    if (annotation.visibility === 'private' && input.scope === 'group') continue;
    if (!matchesFilters(annotation, filters, vocabulary, versions)) continue;
    if (entry.hidden) {
      hiddenCount++;
      continue;
    }
    kept.push({ annotation });
  }
  // Per document: "N comments on a passage" counts one document's passages (the panel's view).
  const byDocument = new Map<string, { annotation: LeaAnnotation }[]>();
  for (const item of kept) {
    const key = versions ? versions.keyOf(item.annotation.target.source) : item.annotation.target.source;
    const list = byDocument.get(key);
    if (list) list.push(item);
    else byDocument.set(key, [item]);
  }
  const chosen = showsEverything(panelFilters)
    ? kept
    : [...byDocument.values()].flatMap((list) => filterComments(list, panelFilters, conversation ? threads : undefined));

  for (const { annotation } of chosen) {
    // A PDF is grouped by its fingerprint (source) but shown with the address it was read at;
    // with versions together, every version of a document is one.
    const source = annotation.target.source;
    const documentKey = versions ? versions.keyOf(source) : source;
    let doc = documents.get(documentKey);
    if (!doc) {
      doc = { url: annotation.target.scope ?? source, title: undefined, order: known + documents.size, sections: new Map() };
      documents.set(documentKey, doc);
    }
    doc.title ??= annotation.documentTitle?.trim() || undefined;
    const position = passageOf(annotation);
    const sectionTitle = sectionOf(annotation, t);
    let section = doc.sections.get(sectionTitle);
    if (!section) {
      section = { title: sectionTitle, firstStart: Infinity, passages: new Map() };
      doc.sections.set(sectionTitle, section);
    }
    const page = pageOf(annotation);
    section.firstStart = Math.min(section.firstStart, (page ?? 0) * 1e9 + position.start);
    const quote = quoteOf(annotation);
    // Offsets are the version's own: the same place on two versions is two passages.
    const key = `${versions ? `${source} ` : ''}${page ?? ''}:${position.start}:${position.end}:${quote}`;
    let passage = section.passages.get(key);
    if (!passage) {
      passage = { quote, start: position.start, end: position.end, ...(page ? { page } : {}), comments: [] };
      section.passages.set(key, passage);
    }
    const comment = toComment(annotation, vocabulary, i18n, threads.get(annotation.id));
    passage.comments.push(comment);
    if (versions) (doc.versions ??= new Map()).set(comment, { source, title: annotation.documentTitle?.trim() || undefined });
  }

  const finished = [...documents.values()]
    .filter((d) => d.sections.size > 0)
    .sort((a, b) => a.order - b.order)
    .map((d) => finishDocument(d, other, versions));
  // Titles in the reader's alphabet (Welsh: "Chwarae" after "Cymorth", "Llety" after "Lwfans").
  if (known === 0) finished.sort((a, b) => i18n.compare(a.title, b.title));

  const themes = new Map<string, number>();
  const perspectives = new Map<string, number>();
  const bySection: DigestSectionCount[] = [];
  const answerRows = new Map<string, DigestAnswerRow>();
  const emptyRow = (label: string): DigestAnswerRow => ({ label, byStatus: ANSWER_STATUSES.map(() => 0), notAnswered: 0, total: 0 });
  const allRow = emptyRow(t('digest.answers.all'));
  const countAnswer = (row: DigestAnswerRow, c: DigestComment) => {
    row.total++;
    if (c.latestAnswer) row.byStatus[ANSWER_STATUSES.findIndex((s) => s.value === c.latestAnswer!.status)]! += 1;
    else row.notAnswered++;
  };
  const places: DigestPlace[] = [];
  let comments = 0;
  let passages = 0;
  let replies = 0;
  let supports = 0;
  let hiddenReplyCount = 0;
  for (const doc of finished) {
    for (const section of doc.sections) {
      bySection.push({ document: doc.title, section: section.title, count: section.commentCount });
      passages += section.passages.length;
      for (const passage of section.passages) {
        for (const c of passage.comments) {
          comments++;
          places.push({ document: doc, section, passage, comment: c });
          replies += c.replyCount;
          hiddenReplyCount += c.replies.length - c.replyCount;
          supports += c.supportCount;
          increment(perspectives, c.perspective);
          // Grouped by theme id (a renamed theme stays one row), printed with the group's label.
          if (c.themeIds.length === 0) increment(themes, NO_THEME_KEY);
          for (const t of new Set(c.themeIds)) increment(themes, t);
          countAnswer(allRow, c);
          for (const t of c.themeIds.length ? new Set(c.themeIds) : [NO_THEME_KEY]) {
            let row = answerRows.get(t);
            if (!row) answerRows.set(t, (row = emptyRow(t === NO_THEME_KEY ? noTheme : themeShown(t))));
            countAnswer(row, c);
          }
        }
      }
    }
  }
  const perspectiveRank = (id: string) => PERSPECTIVES.findIndex((p) => p.value === id);
  const themeKeys = countsOf(themes, (k) => (k === NO_THEME_KEY ? Infinity : themeRank(vocabulary, k)), i18n.compare, (k) => (k === NO_THEME_KEY ? noTheme : themeShown(k)));
  const byTheme: DigestCount[] = themeKeys.map(({ label: key, count }) => ({ label: key === NO_THEME_KEY ? noTheme : themeShown(key), count }));
  const sort = input.sort ?? 'document';
  const ordered = sort === 'support' ? sortBySupport(places.map((p) => ({ supportCount: p.comment.supportCount, p }))).map((x) => x.p) : places;

  // Replies to comments their authors removed: their threads have no comment. Their theme is
  // not known, so a theme filter counts none; a document filter counts those on the document.
  let removedCommentReplies = 0;
  if (!filters.theme) {
    for (const thread of threads.values()) {
      if (thread.comment !== null) continue;
      if (filters.document && thread.document !== filters.document) continue;
      removedCommentReplies += liveReplies(thread.replies);
    }
  }

  return {
    locale: i18n.locale,
    title: digestTitle(t, input.scope, filters.theme ? themeShown(themeIdForTag(vocabulary, filters.theme)) : undefined, input.groupName),
    ...(input.groupName ? { groupName: input.groupName } : {}),
    scope: input.scope,
    filters,
    generatedAt: input.generatedAt.toISOString(),
    documents: finished,
    summary: {
      comments,
      passages,
      byTheme,
      bySection,
      byPerspective: countsOf(perspectives, perspectiveRank, i18n.compare).map((c) => ({ label: perspectiveLabel(t, c.label), count: c.count })),
      replies,
      supports,
      answers: {
        statuses: ANSWER_STATUSES.map((s) => ({ status: s.value, label: answerStatusName(t, s.value) })),
        // Themes in the order of the theme table, then every comment once.
        rows: comments === 0 ? [] : [...themeKeys.map((t) => answerRows.get(t.label)!), allRow],
      },
    },
    hiddenCount,
    versionsTogether: versions !== null,
    sort,
    conversation,
    ordered,
    unanswered: ordered.filter((p) => p.comment.latestAnswer === null),
    hiddenReplyCount,
    removedCommentReplies,
  };
}

function digestTitle(t: Translate, scope: 'group' | 'personal', theme: string | undefined, groupName?: string): string {
  const base = scope === 'personal' ? t('digest.title.personal') : groupName ? t('digest.title.groupNamed', { group: groupName }) : t('digest.title.group');
  return theme ? t('digest.title.theme', { title: base, theme }) : base;
}
