import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every production .ts/.tsx file under `dir` (tests left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The files `file` imports or re-exports by relative path (type-only imports included). */
function relativeImports(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']*)'/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((c) => known.has(c));
    return found ? [found] : [];
  });
}

/** Groups of modules that import each other, directly or round a longer loop. */
function importLoops(files: string[]): string[][] {
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, relativeImports(f, known)]));
  const loops: string[][] = [];
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const visit = (v: string) => {
    order.set(v, order.size);
    low.set(v, order.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const group = stack.splice(stack.indexOf(v));
      if (group.length > 1) loops.push(group.map((f) => path.relative(root, f)).sort());
    }
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return loops;
}

describe('module structure', () => {
  it('has no import loops in utils/ (e.g. the sync engine and the live stream)', () => {
    expect(importLoops(sourceFiles(path.join(root, 'utils')))).toEqual([]);
  });
});
