/**
 * The shape of the code, checked from its imports (read with the TypeScript compiler's
 * `preProcessFile`: `import`, `import type`, `export ... from`, `import('...')`).
 *
 * 1. A file of src/modules/<a>/ imports another module only through its front door,
 *    src/modules/<b>/index.ts; anything in its own folder is fine.
 * 2. Nothing in src/core, src/db or src/http imports from src/modules, except the one
 *    module list src/modules/index.ts (which no module imports).
 * 3. No import loops between modules: the graph has an edge a -> b when a file of module a
 *    (not test code) imports module b, through index.ts or not.
 *
 * Test code may import anything: *.test.ts, src/testing/, and the modules' factories.ts,
 * *-factories.ts and test-support.ts.
 *
 * Nothing breaks them (on 2026-12-04 the last of 83 violations and 33 edges on loops went):
 * the test fails on the first import that does, naming it (and for a loop, the path).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Import {
  from: string;
  to: string;
}

/** The relative imports of a file's text, resolved against its path (repository-relative). */
function importsOf(file: string, text: string): string[] {
  const found = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
  return found.filter((name) => name.startsWith('.')).map((name) => resolveImport(file, name));
}

function resolveImport(file: string, specifier: string): string {
  const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.js$/, '.tsx'),
    `${target}.ts`,
    `${target}.tsx`,
    join(target, 'index.ts'),
  ];
  return (
    candidates.find((path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile()) ?? target
  );
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of src, bench and e2e. */
function readImports(): Import[] {
  return ['src', 'bench', 'e2e']
    .flatMap(sourceFiles)
    .flatMap((from) => importsOf(from, readFileSync(join(ROOT, from), 'utf8')).map((to) => ({ from, to })));
}

/** Test code: test files, the harness, and the modules' factories and test support. */
const isTest = (path: string) =>
  /\.test\.tsx?$/.test(path) ||
  path.startsWith('src/testing/') ||
  /(^|\/|-)factories\.ts$/.test(path) ||
  path.endsWith('/test-support.ts');

const moduleOf = (path: string) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];

/** The imports that break rule 1 or 2, as 'from -> to'. */
function violations(imports: Import[], tests: Set<string>): string[] {
  const broken = imports.filter(({ from, to }) => {
    if (tests.has(from) || !to.startsWith('src/modules/')) return false;
    const target = moduleOf(to);
    if (from === 'src/modules/index.ts') return to !== `src/modules/${target}/index.ts`;
    if (/^src\/(core|db|http)\//.test(from)) return to !== 'src/modules/index.ts';
    const source = moduleOf(from);
    // A module never needs the list of all modules: that would point up, and loop.
    if (source !== undefined && to === 'src/modules/index.ts') return true;
    return (
      source !== undefined &&
      target !== undefined &&
      source !== target &&
      to !== `src/modules/${target}/index.ts`
    );
  });
  return [...new Set(broken.map(({ from, to }) => `${from} -> ${to}`))].sort();
}

/** Module -> the modules its (non-test) files import. */
function moduleGraph(imports: Import[], tests: Set<string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = moduleOf(from);
    const b = moduleOf(to);
    if (!a || !b || a === b || tests.has(from)) continue;
    graph.set(a, (graph.get(a) ?? new Set()).add(b));
  }
  return graph;
}

/** The shortest path of modules from `from` to `to`, or undefined when there is none. */
function pathBetween(graph: Map<string, Set<string>>, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift() as string;
    if (node === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(previous.get(path[0]) as string);
      return path;
    }
    for (const next of [...(graph.get(node) ?? [])].sort())
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
  }
  return undefined;
}

/** The edges 'a -> b' of the graph that lie on a loop: b leads back to a. */
function loopEdges(graph: Map<string, Set<string>>): string[] {
  const edges: string[] = [];
  for (const [a, targets] of graph)
    for (const b of targets) if (pathBetween(graph, b, a)) edges.push(`${a} -> ${b}`);
  return edges.sort();
}

const imports = readImports();
const tests = new Set(imports.flatMap(({ from, to }) => [from, to]).filter(isTest));
const currentViolations = violations(imports, tests);
const graph = moduleGraph(imports, tests);
const currentLoopEdges = loopEdges(graph);

/** A loop through the edge 'a -> b', with one import behind each step. */
function explainLoop(edge: string): string {
  const [a, b] = edge.split(' -> ');
  const steps = [a, ...(pathBetween(graph, b, a) ?? [])];
  const lines = steps.slice(1).map((to, i) => {
    const from = steps[i];
    const example = imports.find(
      (one) => moduleOf(one.from) === from && moduleOf(one.to) === to && !tests.has(one.from),
    );
    return `    ${from} -> ${to}: ${example ? `${example.from} imports ${example.to}` : '?'}`;
  });
  return [`  '${edge}' closes the loop ${steps.join(' -> ')}`, ...lines].join('\n');
}

describe('the import rules', () => {
  it('reads imports of every form', () => {
    const text = `
      import { a } from './a.ts';
      import type { B } from '../b/index.ts';
      export { c } from './c.ts';
      export * from './d.ts';
      const e = await import('./e.ts');
      type F = typeof import('./f.ts');
      import 'node:fs';
      import z from 'zod';`;
    expect(importsOf('src/modules/x/file.ts', text).sort()).toEqual(
      [
        'src/modules/x/a.ts',
        'src/modules/b/index.ts',
        'src/modules/x/c.ts',
        'src/modules/x/d.ts',
        'src/modules/x/e.ts',
        'src/modules/x/f.ts',
      ].sort(),
    );
    // The real tree: enough imports were read, and the tests' own helpers count as tests.
    expect(imports.length).toBeGreaterThan(500);
    expect(tests.has('src/testing/harness.ts')).toBe(true);
    expect(tests.has('src/modules/decisions/factories.ts')).toBe(true);
    expect(tests.has('src/server.ts')).toBe(false);
  });

  it('tells allowed imports from violations', () => {
    const sample: Import[] = [
      { from: 'src/modules/a/commands.ts', to: 'src/modules/b/index.ts' },
      { from: 'src/modules/a/commands.ts', to: 'src/modules/a/queries.ts' },
      { from: 'src/modules/a/commands.ts', to: 'src/core/errors.ts' },
      { from: 'src/modules/a/commands.ts', to: 'src/modules/b/queries.ts' },
      { from: 'src/modules/a/index.ts', to: 'src/modules/index.ts' },
      { from: 'src/modules/index.ts', to: 'src/modules/a/index.ts' },
      { from: 'src/modules/index.ts', to: 'src/modules/a/routes.ts' },
      { from: 'src/http/app.ts', to: 'src/modules/index.ts' },
      { from: 'src/http/app.ts', to: 'src/modules/a/index.ts' },
      { from: 'src/db/connect.ts', to: 'src/modules/a/load.ts' },
      { from: 'src/modules/a/a.test.ts', to: 'src/modules/b/queries.ts' },
      { from: 'src/modules/a/factories.ts', to: 'src/modules/b/commands.ts' },
      { from: 'src/testing/harness.ts', to: 'src/modules/b/commands.ts' },
    ];
    const sampleTests = new Set(sample.flatMap(({ from, to }) => [from, to]).filter(isTest));
    expect(violations(sample, sampleTests)).toEqual([
      'src/db/connect.ts -> src/modules/a/load.ts',
      'src/http/app.ts -> src/modules/a/index.ts',
      'src/modules/a/commands.ts -> src/modules/b/queries.ts',
      'src/modules/a/index.ts -> src/modules/index.ts',
      'src/modules/index.ts -> src/modules/a/routes.ts',
    ]);
  });

  it('finds the edges that lie on loops', () => {
    const sample = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'b', 'e'])],
      ['d', new Set(['a'])],
    ]);
    expect(loopEdges(sample)).toEqual(['a -> b', 'b -> c', 'c -> a', 'c -> b']);
    expect(pathBetween(sample, 'c', 'b')).toEqual(['c', 'b']);
    expect(pathBetween(sample, 'a', 'd')).toBeUndefined();
  });

  it('modules meet only through index.ts, and core/db/http only through src/modules/index.ts', () => {
    expect(
      currentViolations,
      `Imports that break the rules: import through src/modules/<b>/index.ts instead (core, db and http: through src/modules/index.ts):\n${currentViolations.map((line) => `  ${line}`).join('\n')}`,
    ).toEqual([]);
  });

  it('has no import loops between modules', () => {
    expect(
      currentLoopEdges,
      `Import loops between modules (break them with an event from src/core/events.ts, or move the shared part down):\n${currentLoopEdges.map(explainLoop).join('\n')}`,
    ).toEqual([]);
  });
});
