import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const workspaces = ['packages', 'events', 'functions', 'infra', 'test'].flatMap((top) =>
  top === 'packages' ? readdirSync(join(root, top)).map((name) => join(top, name)) : [top],
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static `import … from`, `export … from` and dynamic `import()`), resolved. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

/** One cycle in a directed graph, or undefined (depth-first search with colours). */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture', () => {
  it('has no import cycle between the files of any workspace (e.g. an app and the route modules it mounts)', () => {
    for (const workspace of workspaces) {
      const files = sourceFiles(join(root, workspace, 'src'));
      const graph = new Map(
        files.map((file) => [file, relativeImports(file).filter((target) => files.includes(target))]),
      );
      const cycle = findCycle(graph);
      expect(
        cycle?.map((file) => relative(root, file)),
        workspace,
      ).toBeUndefined();
    }
  });

  it('has no cycle between workspace packages', () => {
    const manifests = workspaces.map((workspace) =>
      JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8')),
    );
    const graph = new Map<string, string[]>(
      manifests.map((m) => [
        m.name,
        Object.keys({ ...m.dependencies }).filter((name) => name.startsWith('@skillpass/')),
      ]),
    );
    expect(findCycle(graph)).toBeUndefined();
  });

  it('documents the package map as the packages declare it (docs/architecture.md)', () => {
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const documented = new Map(
      [...doc.matchAll(/^\| `(@skillpass\/[\w-]+)` \| ([^|]+) \|/gm)].map((m) => [
        m[1]!,
        m[2]!.trim() === '—' ? [] : m[2]!.split(',').map((name) => `@skillpass/${name.trim()}`),
      ]),
    );
    const declared = new Map(
      workspaces.map((workspace) => {
        const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'));
        const deps = Object.keys({ ...manifest.dependencies }).filter((name) => name.startsWith('@skillpass/'));
        return [manifest.name as string, deps.sort()];
      }),
    );
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(declared));
  });
});
