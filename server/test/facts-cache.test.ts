// The --cache file (engine/facts-cache.ts): a header line (the last run's results) and a facts line.
// A warm run whose results hold reads the header alone; the facts line is read when needed, and
// only behind the header the run started from.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsCache, RACY_MS } from '../src/engine/facts-cache';
import { emptyFacts } from '../src/facts/empty';

const dir = mkdtempSync(join(tmpdir(), 'cachelint-facts-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// a file that exists: saving drops the entries of files that do not
const A = join(dir, 'a.ts');
writeFileSync(A, 'export {};\n');

function filled(name: string, tool = 't1'): string {
  const file = join(dir, name);
  const c = new FactsCache(file, tool);
  c.set(A, 'k1', emptyFacts(A));
  c.setRun('run-1', { [A]: { findings: [], parseErrors: [{ start: 3, message: 'x' }] } });
  c.save();
  return file;
}

describe('the facts cache file', () => {
  it('gives back the run and the facts it stored', () => {
    const file = filled('round-trip.json');
    const c = new FactsCache(file, 't1');
    expect(c.getRun('run-1')?.[A].parseErrors[0].start).toBe(3);
    expect(c.getRun('run-2')).toBeUndefined();
    expect(c.get(A, 'k1')?.file).toBe(A);
    expect(c.get(A, 'k2')).toBeUndefined();
  });

  it('answers from the header without reading the facts line (a damaged facts line costs only the facts)', () => {
    const file = filled('header-only.json');
    const [header] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${header}\n{"/p/a.ts": {"key": "k1", "fa`);
    const c = new FactsCache(file, 't1');
    expect(c.getRun('run-1')).toBeDefined();
    expect(c.get(A, 'k1')).toBeUndefined();
  });

  it('keeps the facts it did not read when it saves a new run', () => {
    const file = filled('keep-facts.json');
    const c = new FactsCache(file, 't1');
    c.setRun('run-2', {});
    c.save();
    const again = new FactsCache(file, 't1');
    expect(again.getRun('run-2')).toEqual({});
    expect(again.get(A, 'k1')?.file).toBe(A);
  });

  it('trusts no facts from a file another run replaced after the header was read', () => {
    const file = filled('replaced.json');
    const c = new FactsCache(file, 't1');
    // another cachelint (another version) writes the same place meanwhile
    filled('replaced.json', 't2');
    expect(c.get(A, 'k1')).toBeUndefined();
    expect(c.getRun('run-1')).toBeDefined();
  });

  it('starts empty from a file of another version, without a newline, or missing', () => {
    const other = filled('other-tool.json', 't2');
    expect(new FactsCache(other, 't1').getRun('run-1')).toBeUndefined();
    const oneLine = join(dir, 'one-line.json');
    writeFileSync(oneLine, readFileSync(other, 'utf8').split('\n')[0]);
    expect(new FactsCache(oneLine, 't2').getRun('run-1')).toBeUndefined();
    expect(new FactsCache(join(dir, 'absent.json'), 't1').get(A, 'k1')).toBeUndefined();
  });

  it('vouches for a content hash only while the stat is the same and was taken well after the last change', () => {
    const file = join(dir, 'disk.json');
    const c = new FactsCache(file, 't1');
    const st = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 7 };
    c.rememberHash(A, st, 'h1', 1_000 + RACY_MS);
    // taken too soon after the change: the file could have changed again within the same tick
    expect(c.knownHash(A, st)).toBeUndefined();
    c.rememberHash(A, st, 'h1', 1_001 + RACY_MS);
    c.save();
    const again = new FactsCache(file, 't1');
    expect(again.knownHash(A, st)).toBe('h1');
    for (const changed of [{ size: 11 }, { mtimeMs: 1_001 }, { ctimeMs: 1_001 }, { ino: 8 }]) expect(again.knownHash(A, { ...st, ...changed })).toBeUndefined();
  });

  it('rewrites the cache for a record that only vouches anew when other things changed too', () => {
    const file = join(dir, 'refresh.json');
    const st = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 7 };
    const c = new FactsCache(file, 't1');
    c.rememberHash(A, st, 'h1', 1_000);
    c.save();
    const before = readFileSync(file, 'utf8');
    // read again later: the same content, now vouched for, in this run; the file is left alone
    const again = new FactsCache(file, 't1');
    again.rememberHash(A, st, 'h1', 1_001 + RACY_MS);
    expect(again.knownHash(A, st)).toBe('h1');
    again.save();
    expect(readFileSync(file, 'utf8')).toBe(before);
    // with a change of its own the run writes, the renewed record included
    again.setRun('run-9', {});
    again.save();
    expect(new FactsCache(file, 't1').knownHash(A, st)).toBe('h1');
  });

  it('reads a header longer than one read chunk', () => {
    const file = join(dir, 'long-header.json');
    const c = new FactsCache(file, 't1');
    const files = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`/p/file-${i}.ts`, { findings: [], parseErrors: [{ start: i, message: 'a parse error message' }] }]));
    c.setRun('big', files);
    c.save();
    expect(readFileSync(file, 'utf8').indexOf('\n')).toBeGreaterThan(64 * 1024);
    expect(new FactsCache(file, 't1').getRun('big')?.['/p/file-2999.ts'].parseErrors[0].start).toBe(2999);
  });
});
