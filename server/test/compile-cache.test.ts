// The CLI loads its parser bundle through V8's code cache (engine/compile-cache.ts). The cache may
// only ever make loading faster: the module works the same with or without it, a cache V8 rejects
// is rebuilt (checked through the built CLI: in this process V8 would hand back the script it
// compiled already), a folder others can write to is never trusted, and NODE_DISABLE_COMPILE_CACHE
// turns it off.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { requireCompiled, saveCompileCache } from '../src/syntax/compile-cache';
import { privateBundles } from './lsp-fuzz/bundles';
import { SNIPPET } from './reliability-fixtures/built-cli';

const work = mkdtempSync(join(tmpdir(), 'cachelint-cc-'));
const savedTmp = process.env.TMPDIR;
const savedDisable = process.env.NODE_DISABLE_COMPILE_CACHE;
let n = 0;
let temp: string;

/**
 * A CommonJS module of its own: a new path and a new source each time (V8 keeps scripts it
 * compiled by source, and would hand back an earlier test's without looking at the cache).
 */
function bundle(): string {
  const file = join(work, `bundle-${n}.js`);
  writeFileSync(file, `// bundle ${n++}\nexports.twice = (x) => x * 2; exports.dir = __dirname; exports.req = typeof require;\n`);
  return file;
}

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
const cacheDir = () => join(temp, `cachelint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
const caches = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()).filter((f) => f.endsWith('.bin')) : []);

beforeEach(() => {
  temp = mkdtempSync(join(work, 'tmp-'));
  process.env.TMPDIR = temp;
  delete process.env.NODE_DISABLE_COMPILE_CACHE;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  if (savedDisable === undefined) delete process.env.NODE_DISABLE_COMPILE_CACHE;
  else process.env.NODE_DISABLE_COMPILE_CACHE = savedDisable;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('requireCompiled', () => {
  it('loads a bundle as require does, and keeps its code cache after the run', () => {
    const file = bundle();
    const m = requireCompiled(file) as { twice(x: number): number; dir: string; req: string };
    expect(m.twice(21)).toBe(42);
    expect(m.dir).toBe(work);
    expect(m.req).toBe('function');
    expect(caches()).toEqual([]);
    saveCompileCache();
    expect(caches()).toHaveLength(1);
    // the next load takes the cache and has nothing to write back (the file is left as it was)
    const cache = join(cacheDir(), caches()[0]);
    utimesSync(cache, 1_000_000, 1_000_000);
    const again = requireCompiled(file) as { twice(x: number): number };
    expect(again.twice(2)).toBe(4);
    saveCompileCache();
    expect(statSync(cache).mtimeMs).toBe(1_000_000_000);
  });

  it('a new build of a bundle replaces its older caches, not those of other bundles', () => {
    const file = bundle();
    const other = bundle();
    requireCompiled(file);
    requireCompiled(other);
    saveCompileCache();
    expect(caches()).toHaveLength(2);
    // a cache of the old unprefixed naming is dropped too
    writeFileSync(join(cacheDir(), `${'a'.repeat(40)}.bin`), 'old');
    const prefixOf = (f: string) => createHash('sha1').update(f).digest('hex').slice(0, 16) + '-';
    const otherCache = caches().find((c) => c.startsWith(prefixOf(other)));
    expect(caches().some((c) => c.startsWith(prefixOf(file)))).toBe(true);
    // the same bundle rebuilt: new content, new cache; the old one goes
    const before = caches();
    writeFileSync(file, `// bundle ${n++} rebuilt\nexports.twice = (x) => x * 2;\n`);
    utimesSync(file, 2_000_000, 2_000_000);
    expect((requireCompiled(file) as { twice(x: number): number }).twice(3)).toBe(6);
    saveCompileCache();
    const after = caches();
    expect(after).toHaveLength(2);
    expect(after.filter((c) => before.includes(c))).toHaveLength(1);
    expect(after.some((c) => c.startsWith('a'.repeat(40)))).toBe(false);
    expect(otherCache !== undefined && after.includes(otherCache)).toBe(true);
    expect(after.filter((c) => c.startsWith(prefixOf(file)))).toHaveLength(1);
  });

  it('does not trust a cache folder others can write to', () => {
    mkdirSync(cacheDir(), { recursive: true });
    chmodSync(cacheDir(), 0o777);
    const file = bundle();
    expect((requireCompiled(file) as { twice(x: number): number }).twice(1)).toBe(2);
    saveCompileCache();
    expect(caches()).toEqual([]);
  });

  it('the CLI reports the same with and without its cache, and rebuilds one V8 rejects', async () => {
    const { cli } = await privateBundles();
    const root = mkdtempSync(join(work, 'project-'));
    writeFileSync(join(root, 'a.ts'), SNIPPET);
    const run = () => {
      const r = spawnSync(process.execPath, [cli, '.', '-f', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR: temp } });
      expect(r.status, r.stderr).toBe(0); // a warning only
      return JSON.parse(r.stdout).map((x: { messages: unknown }) => x.messages);
    };
    const first = run();
    expect(first[0]).toHaveLength(1);
    expect(caches()).toHaveLength(1);
    const cache = join(cacheDir(), caches()[0]);
    expect(run()).toEqual(first);
    // a cache that is not V8's is rejected, the run is the same, and the cache is written anew
    writeFileSync(cache, 'not a code cache');
    expect(run()).toEqual(first);
    expect(readFileSync(cache, 'utf8')).not.toBe('not a code cache');
    expect(run()).toEqual(first);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE', () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    const file = bundle();
    expect((requireCompiled(file) as { twice(x: number): number }).twice(3)).toBe(6);
    saveCompileCache();
    expect(existsSync(cacheDir())).toBe(false);
  });
});

describe('the text of a bundle', () => {
  it('is ASCII in every built bundle, so the parser bundle is read without a UTF-8 pass (esbuild.mjs)', async () => {
    const { dir } = await privateBundles();
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(bundles).toEqual(expect.arrayContaining(['cli.js', 'server.js', 'facts.js']));
    for (const f of bundles) expect(isAscii(readFileSync(join(dir, f))), f).toBe(true);
  });

  it('is decoded as UTF-8 when it is not ASCII', () => {
    const file = join(work, `bundle-${n++}.js`);
    writeFileSync(file, `// déjà → vu\nexports.s = 'é→😀';\n`);
    expect((requireCompiled(file) as { s: string }).s).toBe('é→😀');
  });
});
