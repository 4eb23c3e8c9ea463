import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementContext, ImpactValue, RunOptions } from 'axe-core';

/** One axe-core rule violation, reduced to what a failure message needs (plain JSON). */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | null;
  help: string;
  helpUrl: string;
  /** Each failing element: its selector (an array of selectors steps into shadow roots) and summary. */
  nodes: { target: unknown[]; html: string; failureSummary: string }[];
}

/**
 * What `runAxe` needs of a page: Playwright's and Puppeteer's `Page` both evaluate a string
 * as an expression and await a returned promise.
 */
export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

/** Options for {@link runAxe}: a serialisable axe context (default the whole document) and run options. */
export interface RunAxeOptions {
  context?: ElementContext;
  runOptions?: RunOptions;
}

let axeSource: string | undefined;

/** The axe-core bundle as source text, read once from node_modules. */
function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core in `page` and returns its violations. Injects axe with `evaluate(source)`
 * because extension pages' CSP blocks `addScriptTag`; axe descends into open shadow roots.
 */
export async function runAxe(page: EvaluatingPage, options: RunAxeOptions = {}): Promise<AxeViolation[]> {
  await page.evaluate(`(() => { if (typeof window.axe === 'undefined') { ${readAxeSource()}\n } })()`);
  const context = options.context === undefined ? 'document' : JSON.stringify(options.context);
  const runOptions = JSON.stringify(options.runOptions ?? {});
  const violations = await page.evaluate(`(async () => {
    const results = await window.axe.run(${context}, ${runOptions});
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  })()`);
  return violations as AxeViolation[];
}

/** The violations a page must not ship with: impact `serious` or `critical`. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Formats violations for a test failure message: rule id, impact, help (and URL), each target. */
export function formatViolations(violations: AxeViolation[]): string {
  if (violations.length === 0) return 'no axe violations';
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
      return [`[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`, ...targets].join('\n');
    })
    .join('\n');
}
