import * as v from 'valibot';
import {
  ANNO_CONTEXT,
  LEA_CONTEXT,
  checkAnnotation,
  commentText,
  kindOf,
  themesOf,
  type Checked,
  type SayProblem,
  type LeaAnnotation,
} from './annotation';
import type { PdfPageSelector, TextPositionSelector, TextQuoteSelector } from './selectors';
import { motivationForKind, type Attribution, type Kind, type Perspective } from './vocabulary';
import { VisibilitySchema, type Visibility } from './visibility';
import { themeIdOf } from './themes';

/** What the editor form holds: everything a person chooses about one comment. */
export const CommentDraftSchema = v.object({
  text: v.string(),
  themes: v.array(v.string()),
  perspective: v.picklist(['uses-care', 'carer', 'family', 'works-in-care', 'not-said']),
  attribution: v.picklist(['named', 'anonymous']),
  visibility: VisibilitySchema,
  kind: v.picklist(['comment', 'question', 'suggested-change']),
});
export interface CommentDraft {
  text: string;
  themes: string[];
  perspective: Perspective;
  attribution: Attribution;
  visibility: Visibility;
  kind: Kind;
}

/** Where a new comment points: the document and the passage, as anchoring described it. */
export interface CommentTarget {
  source: string;
  selectors: [TextQuoteSelector, TextPositionSelector] | [PdfPageSelector];
  section?: string;
  documentTitle?: string;
  /** Where a PDF named by fingerprint was read (see LeaTargetSchema.scope). */
  scope?: string;
}

/** Build a new annotation from a draft, validated: a bad draft yields plain-English problems. */
export function buildAnnotation(options: {
  id: string;
  now: Date;
  draft: CommentDraft;
  target: CommentTarget;
  authorName: string;
  /** How to say a problem (the reader's translator); see SayProblem. */
  say?: SayProblem;
}): Checked<LeaAnnotation> {
  const { id, now, draft, target, authorName } = options;
  const stamp = now.toISOString();
  return checkAnnotation(
    withDraft(
      {
        '@context': [ANNO_CONTEXT, LEA_CONTEXT],
        id,
        type: 'Annotation',
        created: stamp,
        target: { source: target.source, selector: target.selectors, ...(target.scope ? { scope: target.scope } : {}) },
        ...(target.section ? { section: target.section } : {}),
        ...(target.documentTitle ? { documentTitle: target.documentTitle } : {}),
      },
      draft,
      stamp,
      authorName,
    ),
    options.say,
  );
}

/** Apply an edited draft to an existing annotation, keeping its id, target and creation date. */
export function updateAnnotation(
  annotation: LeaAnnotation,
  draft: CommentDraft,
  now: Date,
  authorName: string,
  say?: SayProblem,
): Checked<LeaAnnotation> {
  const { creator: _previousCreator, ...rest } = annotation;
  return checkAnnotation(withDraft(rest, draft, now.toISOString(), authorName), say);
}

function withDraft(
  base: Record<string, unknown>,
  draft: CommentDraft,
  modified: string,
  authorName: string,
): Record<string, unknown> {
  const name = authorName.trim();
  const named = draft.attribution === 'named' && name.length > 0;
  // Stored by id (a legacy label chosen or kept becomes its id); another tool's tag stays as it is.
  const themes = [...new Set(draft.themes.map((t) => themeIdOf(t.trim())).filter(Boolean))];
  return {
    ...base,
    motivation: motivationForKind(draft.kind),
    modified,
    ...(named ? { creator: { type: 'Person', name } } : {}),
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: draft.text },
      ...themes.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    ],
    perspective: draft.perspective,
    visibility: draft.visibility,
    // Asking to be named without a name set is stored as anonymous: we never invent a name.
    attribution: named ? 'named' : 'anonymous',
  };
}

/** The editor's starting state for an existing comment. */
export function draftFromAnnotation(annotation: LeaAnnotation): CommentDraft {
  return {
    text: commentText(annotation),
    themes: themesOf(annotation),
    perspective: annotation.perspective,
    attribution: annotation.attribution,
    visibility: annotation.visibility,
    kind: kindOf(annotation),
  };
}
