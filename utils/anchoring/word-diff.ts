/**
 * Word diff for "The words have changed since this comment was written": the quote a comment
 * was written on against the words now at its anchored place, as runs of same / removed /
 * added words. Pure. Words are compared folded as anchoring folds them (quote marks, dashes;
 * whitespace only separates), so `(1) The` and `(1)The`, or ’ and ', are the same words.
 *
 * Myers' O((N+M)·D) shortest edit script on word tokens, after trimming the common start
 * and end; past MAX_EDITS differences the middle is shown as one removed and one added run.
 */
import { isFoldedAway, normalizeQuote } from './normalize';

export type WordRunKind = 'same' | 'removed' | 'added';

/** Consecutive words of one kind. `text` is as written: the old quote's for removed, the page's otherwise. */
export interface WordRun {
  kind: WordRunKind;
  text: string;
  /** Whitespace came before this run in its own text (so a renderer puts a space there). */
  space: boolean;
}

/** More differences than this and the changed middle is one removed run and one added run. */
export const MAX_EDITS = 400;

interface Token {
  start: number;
  end: number;
  key: string;
  space: boolean;
}

/** Words (letters and digits, with inner apostrophes and hyphens) and single punctuation marks. */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’‘\-‐‑][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff]/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    // Tokens are separated by whitespace or touch: whitespace before one ends right before it.
    out.push({ start, end: start + m[0].length, key: normalizeQuote(m[0]), space: out.length > 0 && start > 0 && isFoldedAway(text.charCodeAt(start - 1)) });
  }
  return out;
}

type Op = 0 | 1 | 2; // same, removed, added

/** The shortest edit script from token keys `a` to `b`, or null past `maxEdits` differences. */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) {
      trace.push(v);
      break;
    }
  }
  if (found < 0) return null;
  // Walk back through the trace (trace[d] holds V before step d; trace[found + 1] after it).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = before[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(0);
      x--;
      y--;
    }
    ops.push(down ? 2 : 1);
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    ops.push(0);
    x--;
    y--;
  }
  return ops.reverse();
}

/**
 * The runs turning `before` (the comment's quote) into `after` (the words now at its place).
 * Same runs carry the page's spelling; an empty side gives only the other side's run.
 */
export function wordDiff(before: string, after: string): WordRun[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.key === b[head]!.key) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.key === b[b.length - 1 - tail]!.key) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const script = myers(
    midA.map((t) => t.key),
    midB.map((t) => t.key),
    MAX_EDITS,
  ) ?? [...midA.map((): Op => 1), ...midB.map((): Op => 2)];

  const runs: WordRun[] = [];
  let lastRemovedEnd = -1;
  let lastPageEnd = -1;
  const push = (kind: WordRunKind, token: Token, source: string) => {
    const last = runs[runs.length - 1];
    const lastEnd = kind === 'removed' ? lastRemovedEnd : lastPageEnd;
    if (last && last.kind === kind && lastEnd >= 0) {
      last.text += source.slice(lastEnd, token.end);
    } else {
      runs.push({ kind, text: source.slice(token.start, token.end), space: token.space });
    }
    if (kind === 'removed') lastRemovedEnd = token.end;
    else lastPageEnd = token.end;
  };
  for (let i = 0; i < head; i++) push('same', b[i]!, after);
  let ia = head;
  let ib = head;
  for (const op of script) {
    if (op === 0) {
      push('same', b[ib++]!, after);
      ia++;
    } else if (op === 1) push('removed', a[ia++]!, before);
    else push('added', b[ib++]!, after);
  }
  for (let i = b.length - tail; i < b.length; i++) push('same', b[i]!, after);
  return runs.map((r) => (r.text.includes('\n') || /\s{2,}/.test(r.text) ? { ...r, text: r.text.replace(/\s+/g, ' ') } : r));
}

/** One side of the diff as plain text: `old` (same + removed runs) or `new` (same + added). */
export function diffSide(runs: readonly WordRun[], side: 'old' | 'new'): string {
  const skip: WordRunKind = side === 'old' ? 'added' : 'removed';
  let out = '';
  for (const r of runs) {
    if (r.kind === skip) continue;
    out += out !== '' && r.space ? ` ${r.text}` : r.text;
  }
  return out;
}

/** True when the runs show any change (a moved or exact anchor has none). */
export function hasChanges(runs: readonly WordRun[]): boolean {
  return runs.some((r) => r.kind !== 'same');
}
