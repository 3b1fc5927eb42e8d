/**
 * The house rules of DESIGN.md, checked on every run: shared/ is pure, electron/ and renderer/
 * meet only through shared/, only the three thin files import Electron, and renderer/ is one folder
 * per feature, layered: app/ (shell, routing, i18n setup) over the features, over common/ (what
 * every feature uses), over db/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  return spec.startsWith('.') && path.normalize(path.join(path.dirname(file), spec)).startsWith(dir + path.sep);
}

describe('architecture', () => {
  it('shared/ imports nothing from Node, the DOM, React, Electron or the other layers', () => {
    const allowed = new Set(['zod', 'canonicalize', 'jsonc-parser/lib/esm/main.js', '@noble/hashes/sha2.js', '@noble/hashes/utils.js']);
    for (const file of sourceFiles('shared')) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) expect(resolvesInto(file, spec, 'shared'), `${file} imports ${spec}`).toBe(true);
        else expect(allowed.has(spec), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('renderer/ never imports electron/ or Node modules', () => {
    for (const file of sourceFiles('renderer')) {
      for (const spec of importsOf(file)) {
        expect(resolvesInto(file, spec, 'electron'), `${file} imports ${spec}`).toBe(false);
        expect(spec === 'electron' || spec.startsWith('node:') || ['fs', 'path', 'crypto', 'child_process'].includes(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('electron/ never imports renderer/, and only main, preload and ipc import electron', () => {
    const thin = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);
    const files = sourceFiles('electron');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        expect(resolvesInto(file, spec, 'renderer'), `${file} imports ${spec}`).toBe(false);
        if (spec === 'electron') expect(thin.has(file), `${file} imports electron`).toBe(true);
      }
    }
  });

  it('nothing renders bundle content as HTML', () => {
    for (const file of sourceFiles('renderer')) {
      expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=/);
    }
  });

  describe('renderer/ feature folders', () => {
    const FEATURES = ['bundles', 'cases', 'review', 'meeting', 'decisions', 'minutes', 'settings', 'welcome'];
    const LAYERS = ['app', 'common', 'db', ...FEATURES];
    const topOf = (file: string) => file.split(path.sep)[1]!;
    /** Every import from one renderer/ folder into another: [file, spec, target folder, target path]. */
    const crossings = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter((spec) => resolvesInto(file, spec, 'renderer'))
        .map((spec) => {
          const target = path.normalize(path.join(path.dirname(file), spec));
          return { file, spec, from: topOf(file), to: topOf(target), target };
        })
        .filter((c) => c.from !== c.to),
    );

    it('holds only the layers and features of DESIGN.md, besides the entry files', () => {
      const tops = new Set(sourceFiles('renderer').filter((f) => f.split(path.sep).length > 2).map(topOf));
      expect([...tops].sort()).toEqual([...LAYERS].sort());
    });

    it('a feature imports another feature only through its index.ts', () => {
      for (const c of crossings.filter((c) => FEATURES.includes(c.from) && FEATURES.includes(c.to))) {
        expect(c.target, `${c.file} imports ${c.spec}`).toBe(path.join('renderer', c.to));
      }
    });

    it('db/ imports no other renderer folder, common/ only db/, and no feature imports app/', () => {
      for (const c of crossings) {
        if (c.from === 'db') expect.fail(`${c.file} imports ${c.spec}`);
        if (c.from === 'common') expect(c.to, `${c.file} imports ${c.spec}`).toBe('db');
        if (FEATURES.includes(c.from)) expect(c.to, `${c.file} imports ${c.spec}`).not.toBe('app');
      }
    });

    it('the folders depend on each other without a cycle', () => {
      const deps = new Map<string, Set<string>>();
      for (const c of crossings) deps.set(c.from, (deps.get(c.from) ?? new Set()).add(c.to));
      const done = new Set<string>();
      const visit = (folder: string, trail: string[]): void => {
        expect(trail, `cycle: ${[...trail, folder].join(' -> ')}`).not.toContain(folder);
        if (done.has(folder)) return;
        for (const next of deps.get(folder) ?? []) visit(next, [...trail, folder]);
        done.add(folder);
      };
      for (const folder of deps.keys()) visit(folder, []);
      expect(deps.get('app')?.size).toBeGreaterThan(FEATURES.length - 1);
    });
  });
});
