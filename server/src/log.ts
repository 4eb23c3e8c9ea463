import { sqlState } from './db/db';

/** Fields of one log line: short codes and ids only, never what people wrote. */
export type LogFields = Record<string, string | undefined>;

/**
 * Where the store writes its log lines. `console` fits; tests pass one that captures.
 * Callers pass only codes and ids: never names, comment text, tokens or hashes.
 */
export interface Logger {
  error(message: string, fields: LogFields): void;
}

/**
 * What may be logged about an unexpected error: its SQLSTATE (database errors) or its
 * class name, and where it was thrown (stack frames, without the message line). The message,
 * detail, query and parameters are left out: on PGlite and PostgreSQL they quote the values
 * of the statement, which are people's comments, names and token hashes.
 */
export function errorLogFields(error: unknown): LogFields {
  const state = sqlState(error);
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error';
  const code = state !== undefined && /^[0-9A-Z]{5}$/.test(state) ? state : name;
  const where = stackFrames(error);
  return { code, ...(where ? { where } : {}) };
}

/**
 * The top stack frames, " < "-joined, or "" when the stack cannot be split from the
 * message with certainty (a message may span lines, and may quote what someone wrote).
 */
function stackFrames(error: unknown): string {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return '';
  const head = error.message ? `${error.name}: ${error.message}\n` : `${error.name}\n`;
  if (!error.stack.startsWith(head)) return '';
  return error.stack
    .slice(head.length)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^at [^()]*(\(([^()]*)\))?$/.test(line) && /\.(m?[jt]s|wasm)[:)]|node:/.test(line))
    .slice(0, 4)
    .join(' < ');
}
