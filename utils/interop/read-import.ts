import type { ImportRead, ReadOptions } from './common';
import { isObject } from './common';
import { readHypothesisExport } from './hypothesis';
import { readW3cAnnotations } from './w3c';

/** Does this look like Hypothesis (its export, its search answer, or a list of its rows)? */
function looksLikeHypothesis(json: unknown): boolean {
  if (isObject(json)) return Array.isArray(json.annotations) || Array.isArray(json.rows);
  if (Array.isArray(json)) {
    const one = json.find(isObject);
    return one !== undefined && ('uri' in one || 'user' in one) && Array.isArray(one.target) && !('type' in one);
  }
  return false;
}

/** Read a file for import: a Hypothesis export / search answer, or W3C JSON-LD. */
export function readImportFile(json: unknown, options: ReadOptions = {}): ImportRead {
  return looksLikeHypothesis(json) ? readHypothesisExport(json, options) : readW3cAnnotations(json, options);
}
