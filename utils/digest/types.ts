import type { Kind, LeaAnnotation, Perspective } from '../model';

/** One comment offered to the digest, with what only its holder knows about it. */
export interface DigestEntry {
  annotation: LeaAnnotation;
  /** Set when a facilitator hid (moderated) it: it is left out and only counted. */
  hidden?: { reason: string } | null;
}

/** A document's address and a better title than the one recorded on its comments. */
export interface DigestDocumentInfo {
  url: string;
  title?: string;
}

/** Which comments a digest covers: one document and/or one theme (empty means all). */
export interface DigestFilters {
  document?: string;
  theme?: string;
}

/** What `buildDigest` needs: the comments and everything about the moment of export. */
export interface DigestInput {
  annotations: readonly DigestEntry[];
  /** Known documents: their order is the digest's order, their titles win. */
  documents?: readonly DigestDocumentInfo[];
  /** `group`: the group's shared comments only; `personal`: also the reader's "only me" ones. */
  scope: 'group' | 'personal';
  filters?: DigestFilters;
  generatedAt: Date;
  groupName?: string;
}

/** One comment as every format shows it: labels resolved, attribution applied. */
export interface DigestComment {
  id: string;
  /** The comment as typed (light Markdown). */
  text: string;
  kind: Kind;
  kindLabel: string;
  themes: string[];
  perspective: Perspective;
  perspectiveLabel: string;
  /** The writer's name, or "Anonymous": never a name the writer did not choose to show. */
  author: string;
  anonymous: boolean;
  /** ISO 8601. */
  created: string;
  /** Only-me comment (personal digests only). */
  private: boolean;
  /** The W3C annotation for the JSON-LD export, without `creator` when anonymous. */
  annotation: LeaAnnotation;
}

/** One quoted passage (same exact quote at the same recorded place) and its comments. */
export interface DigestPassage {
  quote: string;
  start: number;
  end: number;
  /** 1-based PDF page, when the comment was made on a PDF. */
  page?: number;
  comments: DigestComment[];
}

/** Comments under one heading of a document. */
export interface DigestSection {
  title: string;
  passages: DigestPassage[];
  commentCount: number;
}

/** One document's comments, section by section. */
export interface DigestDocument {
  url: string;
  title: string;
  sections: DigestSection[];
  commentCount: number;
}

/** A label and how many comments have it. */
export interface DigestCount {
  label: string;
  count: number;
}

/** Comments under one section, for the summary table. */
export interface DigestSectionCount {
  document: string;
  section: string;
  count: number;
}

/** The digest model every renderer reads: structure, summary and what was left out. */
export interface Digest {
  title: string;
  groupName?: string;
  scope: 'group' | 'personal';
  filters: DigestFilters;
  /** ISO 8601. */
  generatedAt: string;
  documents: DigestDocument[];
  summary: {
    comments: number;
    passages: number;
    /** Most-commented theme first; a comment with several themes counts under each. */
    byTheme: DigestCount[];
    bySection: DigestSectionCount[];
    byPerspective: DigestCount[];
  };
  /** Hidden (moderated) comments that matched the filters but are left out. */
  hiddenCount: number;
}
