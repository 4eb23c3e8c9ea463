import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths';

/** One finding of `web-ext lint` (addons-linter), as printed by `--output=json`. */
export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}

/** The parts of the `web-ext lint --output=json` report the tests read. */
export interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Runs the project's own `web-ext lint` (node_modules/.bin, works offline) on an unpacked
 * add-on and parses its JSON report. Resolves even when lint exits non-zero for errors.
 */
export function lintFirefoxAddon(sourceDir: string): Promise<LintReport> {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'web-ext');
  const args = ['lint', '--source-dir', sourceDir, '--no-config-discovery', '--output=json'];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as LintReport);
      } catch {
        reject(new Error(`web-ext lint printed no JSON report (${String(error ?? 'exit 0')}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** Formats lint findings one per line (code, file:line, message) for assertion messages. */
export function formatLintMessages(messages: LintMessage[]): string {
  return messages
    .map((m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}${m.description ? ` (${m.description})` : ''}`)
    .join('\n');
}
