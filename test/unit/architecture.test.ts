/**
 * The house rules of DESIGN.md, checked on every run: shared/ is pure, electron/ and renderer/
 * meet only through shared/, and only the three thin files import Electron.
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
    const allowed = new Set(['zod', 'canonicalize', '@noble/hashes/sha2.js', '@noble/hashes/utils.js']);
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
});
